package org.ringlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's screenshots of the real window during a run (not part of the test suite:
 * its name is not a test name). Run it as the README says, under Xvfb with the GTK glass.
 */
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {
    @TempDir
    static Path workspace;

    private TrainingService service;
    private MainController controller;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        service = new InProcessTrainingService(workspace);
        scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void mainWindowAndDemoMode(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("ringlab.screenshots", "docs/screenshots"));
        Files.createDirectories(out);
        String data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
        robot.interact(() -> controller.setup().pasteJson("{\"data\": \"" + data + "\", \"epochs\": 3,"
                + " \"limit-train\": 20000, \"snapshot-every\": 20}"));
        robot.clickOn("#startButton");
        RunHandle run = service.runs().get(0);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> run.history().epochs().size() >= 2);
        // the largest layer shows the distributions best
        robot.interact(() -> robot.lookup("#layerBox").<String>queryComboBox().setValue("fc1"));
        Thread.sleep(1500);
        save(robot, out.resolve("main-window.png"));
        robot.interact(controller::toggleDemo);
        Thread.sleep(1500);
        save(robot, out.resolve("demo-mode.png"));
        robot.interact(controller::toggleDemo);
        robot.clickOn("#stopButton");
    }

    private void save(FxRobot robot, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
