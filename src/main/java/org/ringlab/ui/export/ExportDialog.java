package org.ringlab.ui.export;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.ringlab.figures.AnimationFormat;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.VenueSize;

/**
 * The batch export dialog of the runs list: the folder, the figure formats (SVG, PDF, PNG), a
 * venue's size preset or a custom width and height, the PNG resolution and the ring animations.
 * {@link #choices()} holds what the form says while it is valid, null otherwise (the OK button is
 * disabled then and {@link #problem()} says why).
 */
public final class ExportDialog {
    /** The size box's entry for a width and height of one's own. */
    static final String CUSTOM = "custom";

    private final GridPane grid = new GridPane();
    private final TextField folder = new TextField();
    private final Map<FigureFormat, CheckBox> formats = new EnumMap<>(FigureFormat.class);
    private final ComboBox<String> size = new ComboBox<>();
    private final TextField width = new TextField();
    private final TextField height = new TextField();
    private final TextField dpi = new TextField("300");
    private final CheckBox animations = new CheckBox("Ring animations (GIF)");
    private final CheckBox videos = new CheckBox("Ring videos (MP4, 1920×1080)");
    private final Label problem = new Label();
    private final ObjectProperty<ExportChoices> choices = new SimpleObjectProperty<>();

    public ExportDialog(Path initialFolder) {
        folder.setText(initialFolder.toString());
        folder.setId("exportFolder");
        folder.setPrefColumnCount(28);
        Button choose = new Button("Choose…");
        choose.setId("exportChooseFolder");
        choose.setOnAction(e -> chooseFolder());
        HBox formatBoxes = new HBox(10);
        for (FigureFormat f : FigureFormat.values()) {
            CheckBox box = new CheckBox(f.name());
            box.setId("exportFormat-" + f.id());
            box.setSelected(true);
            box.selectedProperty().addListener((o, was, is) -> update());
            formats.put(f, box);
            formatBoxes.getChildren().add(box);
        }
        size.setId("exportSize");
        for (VenueSize v : VenueSize.values()) {
            size.getItems().add(v.id());
        }
        size.getItems().add(CUSTOM);
        size.setValue(VenueSize.IEEE_SINGLE.id());
        width.setId("exportWidth");
        width.setPrefColumnCount(5);
        height.setId("exportHeight");
        height.setPrefColumnCount(5);
        height.setPromptText("width × 0.75");
        dpi.setId("exportDpi");
        dpi.setPrefColumnCount(5);
        animations.setId("exportAnimations");
        animations.setSelected(true);
        animations.selectedProperty().addListener((o, was, is) -> update());
        videos.setId("exportVideos");
        videos.selectedProperty().addListener((o, was, is) -> update());
        problem.setId("exportProblem");
        problem.getStyleClass().add("export-problem");
        size.valueProperty().addListener((o, was, is) -> {
            presetWidth();
            update();
        });
        for (TextField field : new TextField[] {folder, width, height, dpi}) {
            field.textProperty().addListener((o, was, is) -> update());
        }
        grid.setId("exportForm");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Folder"), new HBox(6, folder, choose));
        grid.addRow(1, new Label("Formats"), formatBoxes);
        grid.addRow(2, new Label("Size"), new HBox(6, size, new Label("width"), width, new Label("in, height"), height,
                new Label("in")));
        grid.addRow(3, new Label("PNG resolution"), new HBox(6, dpi, new Label("dpi (" + FigureSize.MIN_DPI + "–"
                + FigureSize.MAX_DPI + ")")));
        grid.addRow(4, new Label(""), new HBox(10, animations, videos));
        grid.add(problem, 0, 5, 2, 1);
        presetWidth();
        update();
    }

    /** Shows the dialog; the choices when the user pressed Export, empty when cancelled. */
    public static Optional<ExportChoices> ask(Window owner, Path initialFolder, int runs) {
        ExportDialog form = new ExportDialog(initialFolder);
        Dialog<ExportChoices> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export figures and data");
        dialog.setHeaderText("Figures and tables of " + runs + " run" + (runs == 1 ? "" : "s")
                + " (the comparison table keeps the full text width)");
        ButtonType export = new ButtonType("Export", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(export, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(form.content());
        dialog.getDialogPane().lookupButton(export).disableProperty().bind(form.choices.isNull());
        dialog.setResultConverter(b -> b == export ? form.choices() : null);
        return dialog.showAndWait();
    }

    public Node content() {
        return grid;
    }

    /** What the form says, or null while it is invalid. */
    public ExportChoices choices() {
        return choices.get();
    }

    public ReadOnlyObjectProperty<ExportChoices> choicesProperty() {
        return choices;
    }

    /** Why the form is invalid, or "" when it is not. */
    public String problem() {
        return problem.getText();
    }

    private void presetWidth() {
        boolean custom = CUSTOM.equals(size.getValue());
        width.setDisable(!custom);
        if (!custom) {
            width.setText(format(VenueSize.parse(size.getValue()).widthInches()));
        }
    }

    private void update() {
        dpi.setDisable(!formats.get(FigureFormat.PNG).isSelected());
        String why = null;
        ExportChoices result = null;
        try {
            result = parse();
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        choices.set(result);
        problem.setText(why == null ? "" : why);
    }

    private ExportChoices parse() {
        Set<FigureFormat> chosen = EnumSet.noneOf(FigureFormat.class);
        formats.forEach((f, box) -> {
            if (box.isSelected()) {
                chosen.add(f);
            }
        });
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one format");
        }
        Path target = folder();
        double w = inches("width", width.getText());
        Double h = height.getText().isBlank() ? null : inches("height", height.getText());
        // a vector-only export ignores the resolution, so a half-typed one does not block it
        int resolution = chosen.contains(FigureFormat.PNG) ? dpi() : FigureSize.MIN_DPI * 2;
        Set<AnimationFormat> moving = EnumSet.noneOf(AnimationFormat.class);
        if (animations.isSelected()) {
            moving.add(AnimationFormat.GIF);
        }
        if (videos.isSelected()) {
            moving.add(AnimationFormat.MP4);
        }
        return new ExportChoices(target, chosen, FigureSize.of(w, h, resolution), moving);
    }

    private Path folder() {
        String text = folder.getText().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("choose a folder for the files");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("folder: " + e.getMessage(), e);
        }
        // whether it is a folder is for the export to find out: the JavaFX thread does not touch the disk
        return path;
    }

    private static double inches(String what, String text) {
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text.strip() + "' is not a number of inches", e);
        }
        if (!(v > 0) || v > FigureSize.MAX_INCHES) {
            throw new IllegalArgumentException(what + ": " + format(v) + " in is outside 0–" + FigureSize.MAX_INCHES);
        }
        return v;
    }

    private int dpi() {
        String text = dpi.getText().strip();
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PNG resolution: '" + text + "' is not a whole number of dpi", e);
        }
        if (v < FigureSize.MIN_DPI || v > FigureSize.MAX_DPI) {
            throw new IllegalArgumentException("PNG resolution: " + v + " dpi is outside " + FigureSize.MIN_DPI + "–"
                    + FigureSize.MAX_DPI);
        }
        return v;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for the figures and tables");
        File picked = chooser.showDialog(grid.getScene() == null ? null : grid.getScene().getWindow());
        if (picked != null) {
            folder.setText(picked.getPath());
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%s", v);
    }
}
