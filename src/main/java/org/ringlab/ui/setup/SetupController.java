package org.ringlab.ui.setup;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.ringlab.config.Method;
import org.ringlab.config.Setting;
import org.ringlab.config.Settings;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;

/**
 * The run-setup panel (fxml/setup.fxml): one row per setting the window edits, built from the
 * settings registry and bound to a {@link SetupModel}. A row is shown only while the chosen method
 * uses its setting; the main settings sit in the grid, the rest under "Advanced". Editors by type: a
 * combo box for choices, a check box for yes/no (three-state where the default depends on other
 * settings), a text field otherwise; each carries the setting's help as its tooltip, replaced by the
 * setting's problems (and the style class {@code invalid}) while it has some.
 */
// FXMLLoader calls the private @FXML handlers
@SuppressWarnings("UnusedMethod")
public final class SetupController {
    private final SetupModel model;
    private final LearningRatePlot lrPlot = new LearningRatePlot();
    /** Each setting's editor, for the problem marks. */
    private final Map<Setting<?>, Control> editors = new LinkedHashMap<>();
    private Consumer<String> messages = text -> { };
    private Supplier<List<RunHandle>> initFromRuns = List::of;

    /** @param model the panel's state, made by the window's shell, which reads the configuration from it */
    public SetupController(SetupModel model) {
        this.model = model;
    }

    /** A panel with a state of its own (FXMLLoader's default factory, as in tests that load setup.fxml alone). */
    public SetupController() {
        this(new SetupModel());
    }

    @FXML private GridPane setupGrid;
    @FXML private GridPane advancedGrid;
    @FXML private Label previewTitle;
    @FXML private Label ringPreviewLabel;
    @FXML private Pane lrPlotPane;
    @FXML private Label problemsLabel;

    @FXML
    private void initialize() {
        List<Setting<?>> main = new ArrayList<>();
        main.add(Settings.METHOD_KIND); // the method decides which other rows show
        List<Setting<?>> advanced = new ArrayList<>();
        for (Setting<?> s : SetupModel.settings()) {
            if (s == Settings.METHOD_KIND) {
                continue;
            }
            (s.panel() == Setting.Panel.MAIN ? main : advanced).add(s);
        }
        addRows(setupGrid, main);
        addRows(advancedGrid, advanced);
        ringPreviewLabel.textProperty().bind(model.ringPreviewProperty());
        previewTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.method.get() != null && model.method.get().usesRing() ? "Ring preview" : "Bits preview",
                model.method));
        model.problems().addListener((ListChangeListener<String>) c -> showProblems());
        // the plot follows the configuration itself: a valid edit or a paste leaves the problem list unchanged
        model.configProperty().addListener((obs, was, now) -> lrPlot.show(now));
        lrPlot.show(model.config());
        lrPlot.setPrefHeight(60);
        lrPlot.prefWidthProperty().bind(lrPlotPane.widthProperty());
        lrPlotPane.getChildren().add(lrPlot);
        showProblems();
    }

    /** The panel's state; the window reads its configuration from here. */
    public SetupModel model() {
        return model;
    }

    /** A setting's editor (also while its row is hidden), or null for a setting the panel does not edit. */
    Control editorOf(Setting<?> setting) {
        return editors.get(setting);
    }

    /** Where the panel's one-line messages go ("configuration copied"), e.g. the window's message bar. */
    public void onMessage(Consumer<String> sink) {
        this.messages = sink;
    }

    /** A setting's row: its label (null for a check box, which carries its own) and its cell. */
    private record Row(Setting<?> setting, Label label, Node cell) {
    }

    private void addRows(GridPane grid, List<Setting<?>> settings) {
        List<Row> rows = new ArrayList<>();
        for (Setting<?> s : settings) {
            BooleanBinding shown = model.uses(s);
            Control editor = editor(s);
            editors.put(s, editor);
            Node cell = editor;
            if (s == Settings.DATA_DIR) {
                Button browse = new Button("…");
                browse.setId("browseButton");
                browse.setOnAction(e -> onBrowse());
                HBox.setHgrow(editor, Priority.ALWAYS);
                cell = new HBox(4, editor, browse);
            } else if (s == Settings.INIT_FROM) {
                // init (issue #13): a checkpoint file or a run's checkpoint.params; a run id is typed in
                Button browse = new Button("Browse…");
                browse.setId("initFromBrowseButton");
                browse.setOnAction(e -> onBrowseInitFrom());
                HBox.setHgrow(editor, Priority.ALWAYS);
                cell = new HBox(4, editor, pastRunPicker(), browse);
            }
            Label label = null;
            if (!(editor instanceof CheckBox)) {
                label = new Label(s.label());
                label.setId(SettingIds.label(s));
                label.setTooltip(new Tooltip(s.description()));
                label.visibleProperty().bind(shown);
            }
            cell.visibleProperty().bind(shown);
            rows.add(new Row(s, label, cell));
        }
        layOut(grid, rows);
        model.method.addListener((obs, was, now) -> layOut(grid, rows));
    }

    /** Only the rows the chosen method uses, on consecutive grid rows (hidden rows would leave gaps). */
    private void layOut(GridPane grid, List<Row> rows) {
        grid.getChildren().clear();
        int index = 0;
        for (Row row : rows) {
            if (!row.setting().usedBy(model.method.get())) {
                continue;
            }
            if (row.label() != null) {
                grid.add(row.label(), 0, index);
                grid.add(row.cell(), 1, index);
            } else {
                // a check box carries its label: it takes the label column too, so long labels fit
                grid.add(row.cell(), 0, index, 2, 1);
            }
            index++;
        }
    }

    private Control editor(Setting<?> s) {
        Control editor;
        if (s.isChoice()) {
            editor = comboBox(s);
        } else if (s.isBoolean()) {
            CheckBox box = new CheckBox(s.label());
            // a label longer than the panel is wide wraps onto a second line instead of ending in "…"
            box.setWrapText(true);
            box.setMinHeight(Region.USE_PREF_SIZE);
            if (s.isNullable()) {
                // indeterminate = null = the setting's default, which depends on other settings
                ObjectProperty<Boolean> value = model.optionalFlag(cast(s));
                box.setAllowIndeterminate(true);
                syncOptional(box, value);
            } else {
                box.selectedProperty().bindBidirectional(model.flag(cast(s)));
            }
            editor = box;
        } else {
            TextField field = new TextField();
            field.setPromptText(s.prompt());
            field.textProperty().bindBidirectional(model.text(s));
            editor = field;
        }
        editor.setId(SettingIds.editor(s));
        editor.setTooltip(new Tooltip(helpOf(s)));
        return editor;
    }

    private <T> ComboBox<T> comboBox(Setting<T> s) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(s.choices()));
        box.setMaxWidth(Double.MAX_VALUE);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return s.format(value);
            }

            @Override
            public T fromString(String text) {
                return s.parse(text);
            }
        });
        box.valueProperty().bindBidirectional(model.choice(s));
        return box;
    }

    private static void syncOptional(CheckBox box, ObjectProperty<Boolean> value) {
        Runnable fromModel = () -> {
            Boolean v = value.get();
            box.setIndeterminate(v == null);
            box.setSelected(v != null && v);
        };
        fromModel.run();
        value.addListener((obs, was, now) -> fromModel.run());
        Runnable toModel = () -> value.set(box.isIndeterminate() ? null : box.isSelected());
        box.selectedProperty().addListener((obs, was, now) -> toModel.run());
        box.indeterminateProperty().addListener((obs, was, now) -> toModel.run());
    }

    @SuppressWarnings("unchecked")
    private static Setting<Boolean> cast(Setting<?> s) {
        return (Setting<Boolean>) s;
    }

    private static String helpOf(Setting<?> s) {
        return s.unit().isEmpty() ? s.description() : s.description() + " Unit: " + s.unit() + ".";
    }

    private void showProblems() {
        problemsLabel.setText(String.join("\n", model.problems()));
        editors.forEach((s, editor) -> {
            List<String> mine = model.problemsFor(s.key());
            editor.getStyleClass().remove("invalid");
            if (!mine.isEmpty()) {
                editor.getStyleClass().add("invalid");
            }
            editor.setTooltip(new Tooltip(mine.isEmpty() ? helpOf(s) : String.join("\n", mine)));
        });
    }

    /** The learning-rate plot, for tests. */
    LearningRatePlot learningRatePlot() {
        return lrPlot;
    }

    private void onBrowse() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("MNIST-format or CIFAR-10 binary folder");
        File dir = chooser.showDialog(setupGrid.getScene().getWindow());
        if (dir != null) {
            model.data.set(dir.getAbsolutePath());
        }
    }

    /**
     * The window's runs an init-from can name, asked for each time the picker opens: the window's
     * in-memory run list (the service's handles, past runs loaded off this thread), never the disk.
     */
    public void initFromRuns(Supplier<List<RunHandle>> runs) {
        this.initFromRuns = runs;
    }

    /** "Past run" beside Browse: the finished FP32 runs, by name; choosing one sets init-from to its id. */
    private MenuButton pastRunPicker() {
        MenuButton picker = new MenuButton("Past run");
        picker.setId("initFromRunsButton");
        picker.setTooltip(new Tooltip("Start from a finished FP32 run of this workspace (its checkpoint)"));
        picker.setOnShowing(e -> {
            List<MenuItem> items = new ArrayList<>();
            for (RunHandle run : initFromRuns.get()) {
                if (run.config().method() != Method.FP32 || run.status() != RunStatus.FINISHED) {
                    continue;
                }
                MenuItem item = new MenuItem(run.name() + "  (run " + run.id() + ", " + run.config().model().key()
                        + ")");
                item.setOnAction(a -> model.text(Settings.INIT_FROM).set(run.id()));
                items.add(item);
            }
            if (items.isEmpty()) {
                MenuItem none = new MenuItem("no finished FP32 run in this workspace");
                none.setDisable(true);
                items.add(none);
            }
            picker.getItems().setAll(items);
        });
        return picker;
    }

    private void onBrowseInitFrom() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Initialise from: a PyTorch FP32 state dict or a RingLab FP32 run's checkpoint");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PyTorch state dict or RingLab checkpoint", "*.pth", "*.pt",
                        "*.params", "*.ckpt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(setupGrid.getScene().getWindow());
        if (file != null) {
            model.text(Settings.INIT_FROM).set(file.getAbsolutePath());
        }
    }

    @FXML
    private void onCopyConfig() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.toJson());
        Clipboard.getSystemClipboard().setContent(content);
        messages.accept("configuration copied as JSON");
    }

    @FXML
    private void onPasteConfig() {
        String text = Clipboard.getSystemClipboard().getString();
        String problem = text == null ? "the clipboard holds no text" : model.pasteJson(text);
        messages.accept(problem == null ? "configuration pasted" : "paste: " + problem.replace('\n', ' '));
    }
}
