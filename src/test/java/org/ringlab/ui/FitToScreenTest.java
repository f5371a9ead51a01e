package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window on a laptop screen: it opens inside the usable area, not with its toolbar above the top edge. */
@ExtendWith(ApplicationExtension.class)
class FitToScreenTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 1360, 820));
    }

    @Test
    void aWindowTallerThanTheScreenTakesTheScreensUsableArea(FxRobot robot) {
        robot.interact(() -> RingLabApp.fitToScreen(stage, new Rectangle2D(0, 24, 1366, 720)));
        assertEquals(24, stage.getY());
        assertEquals(720, stage.getHeight());
        assertEquals(1360, stage.getWidth());
    }

    @Test
    void aWindowThatFitsIsLeftAlone(FxRobot robot) {
        robot.interact(() -> {
            stage.setX(100);
            RingLabApp.fitToScreen(stage, new Rectangle2D(0, 0, 1920, 1200));
        });
        assertEquals(100, stage.getX());
    }
}
