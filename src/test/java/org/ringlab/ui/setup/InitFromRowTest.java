package org.ringlab.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.config.Method;
import org.ringlab.config.Settings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The "Initialise from" row: from the settings registry, in the main grid, with a Browse… button. */
@ExtendWith(ApplicationExtension.class)
class InitFromRowTest {
    private SetupController controller;
    private Parent root;

    @Start
    void start(Stage stage) throws Exception {
        FXMLLoader loader = new FXMLLoader(InitFromRowTest.class.getResource("/fxml/setup.fxml"));
        root = loader.load();
        controller = loader.getController();
        stage.setScene(new Scene(root, 320, 900));
        stage.show();
    }

    @Test
    void theRowIsInTheMainGridForEveryMethodAndReachesTheConfiguration(FxRobot robot) {
        TextField field = (TextField) controller.editorOf(Settings.INIT_FROM);
        HBox cell = (HBox) field.getParent();
        assertSame(root.lookup("#setupGrid"), cell.getParent(), "a main-grid row");
        Button browse = (Button) root.lookup("#initFromBrowseButton");
        assertSame(cell, browse.getParent());
        assertEquals("Browse…", browse.getText());
        SetupModel model = controller.model();
        assertNull(model.config().initFrom(), "empty: random initialisation");
        robot.interact(() -> field.setText("runs/lenet-fp32"));
        assertEquals("runs/lenet-fp32", model.config().initFrom());
        for (Method m : Method.values()) {
            robot.interact(() -> model.method.set(m));
            assertTrue(field.isVisible() && cell.getParent() != null, m.key() + " shows the row");
        }
        robot.interact(() -> field.setText("  "));
        assertNull(model.config().initFrom(), "blank is unset again");
    }
}
