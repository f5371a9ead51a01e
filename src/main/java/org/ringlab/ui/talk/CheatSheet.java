package org.ringlab.ui.talk;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The keyboard cheat sheet (F1): a small window listing the window's shortcuts, the same list the
 * window installed. F1 or Escape closes it again.
 */
public final class CheatSheet {
    /** The sheet's window title (tests find the window by it). */
    public static final String TITLE = "Keyboard shortcuts";

    private final List<Shortcut> shortcuts;
    private Stage stage;

    public CheatSheet(List<Shortcut> shortcuts) {
        this.shortcuts = List.copyOf(shortcuts);
    }

    /** Opens the sheet over {@code owner} at the window's font size, or closes it if open. */
    public void toggle(Window owner, double fontPx) {
        if (stage != null && stage.isShowing()) {
            stage.close();
            return;
        }
        if (stage == null) {
            stage = build(owner);
        }
        WindowFonts.apply(stage.getScene(), fontPx);
        stage.show();
        stage.sizeToScene();
    }

    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    /** The rows as shown: each shortcut's keys and what they do. */
    public static GridPane table(List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.setId("cheatSheet");
        grid.getStyleClass().add("cheat-sheet");
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : shortcuts) {
            Label keys = new Label(s.keys().getDisplayText());
            keys.getStyleClass().add("cheat-sheet-keys");
            grid.addRow(row++, keys, new Label(s.does()));
        }
        grid.setStyle("-fx-padding: 16;");
        return grid;
    }

    private Stage build(Window owner) {
        Stage sheet = new Stage();
        sheet.initOwner(owner);
        sheet.setTitle(TITLE);
        sheet.setResizable(false);
        Scene scene = new Scene(table(shortcuts));
        if (owner != null && owner.getScene() != null) {
            // the window's look (theme rules) without its font stylesheet, which apply() adds
            owner.getScene().getStylesheets().stream().filter(uri -> !WindowFonts.isOurs(uri))
                    .forEach(scene.getStylesheets()::add);
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                sheet.close();
                e.consume();
            }
        });
        sheet.setScene(scene);
        return sheet;
    }
}
