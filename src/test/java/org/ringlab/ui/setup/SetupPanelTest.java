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
}
