package org.ringlab.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.config.Method;
import org.ringlab.config.Setting;
import org.ringlab.config.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The setup panel alone (fxml/setup.fxml): its rows and editors come from the settings registry. */
@ExtendWith(ApplicationExtension.class)
class SetupPanelTest {
    private SetupController controller;
    private Parent root;

    @Start
    void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(SetupPanelTest.class.getResource("/fxml/setup.fxml"));
        root = loader.load();
        controller = loader.getController();
        stage.setScene(new Scene(root, 320, 900));
        stage.show();
    }

    private Node node(Setting<?> s) {
        return controller.editorOf(s);
    }

    @Test
    void everyEditableSettingHasAnEditorOfItsType(FxRobot robot) {
        for (Setting<?> s : SetupModel.settings()) {
            Node editor = node(s);
            Class<?> expected = s.isChoice() ? ComboBox.class : s.isBoolean() ? CheckBox.class : TextField.class;
            assertTrue(expected.isInstance(editor), s.key() + ": " + editor);
            assertEquals(SettingIds.editor(s), editor.getId());
        }
        assertNull(node(Settings.OUT), "the run folder is the service's choice");
        // today's ids stay
        assertTrue(root.lookup("#methodBox") instanceof ComboBox);
        assertTrue(root.lookup("#ringSizeField") instanceof TextField);
        assertTrue(root.lookup("#lrField") instanceof TextField);
    }

    @Test
    void rowsFollowTheChosenMethodAndEditsReachTheModel(FxRobot robot) {
        SetupModel model = controller.model();
        assertTrue(node(Settings.RING_SIZE).isVisible());
        assertFalse(node(Settings.BITS).isVisible());
        robot.interact(() -> model.method.set(Method.LSQ));
        assertFalse(node(Settings.RING_SIZE).isVisible(), "ring rows hide for a non-ring method");
        assertNull(node(Settings.RING_SIZE).getParent(), "and leave the grid, so no gap is left");
        assertTrue(node(Settings.BITS).isVisible());
        TextField bits = (TextField) node(Settings.BITS);
        robot.interact(() -> bits.setText("12"));
        assertTrue(bits.getStyleClass().contains("invalid"));
        assertEquals("bits 12: lsq needs 1..8 bits", bits.getTooltip().getText());
        robot.interact(() -> bits.setText("3"));
        assertFalse(bits.getStyleClass().contains("invalid"));
        assertEquals(3, model.config().bits());

        CheckBox augment = (CheckBox) node(Settings.AUGMENT);
        assertTrue(augment.isIndeterminate(), "unset: the data set's default");
        robot.interact(() -> {
            augment.setIndeterminate(false);
            augment.setSelected(true);
        });
        assertEquals(true, model.config().augment());
        @SuppressWarnings("unchecked")
        ComboBox<Object> optimizer = (ComboBox<Object>) node(Settings.OPTIMIZER_KIND);
        assertEquals("adam", optimizer.getConverter().toString(optimizer.getValue()));
    }

    @Test
    void everyRowFollowsItsSettingsUsedByForEveryMethod(FxRobot robot) {
        SetupModel model = controller.model();
        for (Method m : Method.values()) {
            robot.interact(() -> model.method.set(m));
            for (Setting<?> s : SetupModel.settings()) {
                Node editor = node(s);
                boolean inGrid = editor.getParent() != null;
                assertEquals(s.usedBy(m), editor.isVisible() && inGrid, m.key() + ": row of " + s.key());
                Node label = root.lookup("#" + SettingIds.label(s));
                if (label != null) {
                    assertEquals(s.usedBy(m), label.isVisible() && label.getParent() != null,
                            m.key() + ": label of " + s.key());
                }
            }
        }
        robot.interact(() -> model.method.set(Method.BITNET));
        for (Setting<?> ring : java.util.List.of(Settings.RING_TYPE, Settings.RING_SIZE, Settings.RING_MODE,
                Settings.SIGMA)) {
            assertNull(node(ring).getParent(), ring.key() + " is a ring row: not shown for BitNet");
        }
        assertEquals("Bits preview", ((javafx.scene.control.Label) root.lookup("#previewTitle")).getText());
    }

    @Test
    void longCheckBoxLabelsWrapInsteadOfBeingCut(FxRobot robot) {
        robot.interact(() -> {
            controller.model().method.set(Method.BITNET);
            root.getScene().getWindow().setWidth(240);
        });
        robot.interact(() -> root.applyCss());
        robot.interact(() -> root.layout());
        CheckBox rmsNorm = (CheckBox) node(Settings.BITNET_RMSNORM);
        javafx.scene.text.Text shown = (javafx.scene.text.Text) rmsNorm.lookup(".text");
        assertEquals(Settings.BITNET_RMSNORM.label(), shown.getText().replace("\n", " ").strip(),
                "the label is whole, not cut to an ellipsis");
    }

    @Test
    void theLearningRatePreviewFollowsEveryEditAndAPaste(FxRobot robot) {
        SetupModel model = controller.model();
        LearningRatePlot plot = controller.learningRatePlot();
        assertEquals(3, plot.shown().epochs());
        TextField lr = (TextField) node(Settings.LR);
        robot.interact(() -> lr.setText("0.0x"));
        assertNull(plot.shown(), "no curve for an invalid setup");
        robot.interact(() -> lr.setText("0.05"));
        assertEquals(0.05, plot.shown().lr(), "the preview is back after the edit is corrected");
        TextField epochs = (TextField) node(Settings.EPOCHS);
        robot.interact(() -> epochs.setText("5"));
        assertEquals(5, plot.shown().epochs(), "a valid edit after a valid setup reaches the preview");
        robot.interact(() -> epochs.setText("-"));
        robot.interact(() -> epochs.setText("6"));
        assertEquals(6, plot.shown().epochs());
        String pasted = org.ringlab.config.RunConfigJson.toJson(model.config().toBuilder().epochs(9).lr(0.2).build());
        robot.interact(() -> assertNull(model.pasteJson(pasted)));
        assertEquals(9, plot.shown().epochs(), "after Paste config the preview shows the pasted epochs");
        assertEquals(0.2, plot.shown().lr());
    }
}
