package org.ringlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.store.RunStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's screenshot of two rings side by side (not part of the test suite: its name is not a
 * test name): the first two ring runs of the workspace given as -Dringlab.replay-workspace, the window at
 * 1920×1080, the timeline halfway. Run it as the README says, under Xvfb with the GTK glass.
 */
@ExtendWith(ApplicationExtension.class)
class ReplayScreenshots {
    private static final String WORKSPACE = System.getProperty("ringlab.replay-workspace");
    private MainController controller;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Assumptions.assumeTrue(WORKSPACE != null, "-Dringlab.replay-workspace=DIR not given");
        RunStore store = RunStore.open(Path.of(WORKSPACE));
        scene = RingLabApp.createScene(new ScriptedService(), new PastRuns(store), null);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.setWidth(1920);
        stage.setHeight(1080);
        stage.show();
    }

    @Test
    void twoRingsSideBySide(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("ringlab.screenshots", "docs/screenshots"));
        Files.createDirectories(out);
        ListView<LiveRun> runs = robot.lookup("#runsList").queryListView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.getItems().size() >= 2);
        List<LiveRun> rings = runs.getItems().stream().filter(r -> r.handle.config().usesRing() && !r.snapshots.isEmpty()).toList();
        Assumptions.assumeTrue(rings.size() >= 2, "the workspace holds fewer than two ring runs");
        robot.interact(() -> {
            runs.getSelectionModel().clearSelection();
            runs.getSelectionModel().select(rings.get(0));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            controller.timeline().compareWith(rings.get(1));
            robot.lookup("#layerBox").<String>queryComboBox().setValue("fc1");
            Slider slider = robot.lookup("#timeline").queryAs(Slider.class);
            slider.setValue(Math.floor(slider.getMax() / 2));
        });
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve("rings-side-by-side.png").toFile());
    }
}
