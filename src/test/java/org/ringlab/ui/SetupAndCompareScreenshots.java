package org.ringlab.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreRecorder;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the setup panel for a non-ring method (BitNet) and of the Compare window over a
 * workspace recorded by an earlier launch (made-up epochs: the window's layout is what they show).
 * Not a test (no Test suffix): {@code xvfb-run -a -s "-screen 0 1920x1200x24" ./mvnw -B test
 * -Dtest=SetupAndCompareScreenshots -Dheadless=false -Dglass.platform=gtk -Dringlab.screenshots=DIR}.
 */
@ExtendWith(ApplicationExtension.class)
class SetupAndCompareScreenshots {
    @TempDir
    static Path workspace;

    private PastRuns pastRuns;
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        RunConfig ring = RunConfig.defaults().toBuilder().data("sample-data").epochs(3).build();
        try (RunStore store = RunStore.open(workspace)) {
            record(store, "ring 8", ring, 97.1, 95.2);
            record(store, "ring 8 lr 0.01", ring.toBuilder().lr(0.01).build(), 97.6, 96.0);
            record(store, "lsq 2 bits", ring.toBuilder().method(Method.LSQ).bits(2).build(), 98.4, 98.4);
            record(store, "mlp, 1 epoch", ring.toBuilder().model(ModelKind.MLP).epochs(1).build(), 94.0, 90.3);
        }
        pastRuns = new PastRuns(RunStore.open(workspace));
        Scene scene = RingLabApp.createScene(new ScriptedService(), pastRuns, null);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.show();
    }

    private static void record(RunStore store, String name, RunConfig config, double soft, double snapped) {
        long id = store.createRun(config, name, "cpu");
        try (StoreRecorder r = store.recorder(id)) {
            r.onStatus(RunStatus.RUNNING, "training");
            for (int e = 1; e <= config.epochs(); e++) {
                double k = (double) e / config.epochs();
                r.onEpoch(new EpochMetrics(e, e * 100, 0.1, soft, soft * k + 80 * (1 - k), snapped * k + 70 * (1 - k),
                        snapped + 0.5 * k, config.lr(), 1000, 10, 10 * e));
            }
            r.onStatus(RunStatus.FINISHED, "finished");
        }
    }

    @AfterEach
    void close() {
        pastRuns.close();
    }

    @Test
    void setupPanelForBitNetAndTheCompareWindow(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("ringlab.screenshots", "target/screenshots"));
        Files.createDirectories(out);
        robot.interact(() -> controller.setup().method.set(Method.BITNET));
        Thread.sleep(500);
        save(robot, robot.lookup("#setupForm").query(), out.resolve("setup-bitnet.png"));
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#comparisonTable").tryQuery().isPresent()
                && robot.lookup("#comparisonTable").queryAs(TableView.class).getItems().size() == 4);
        Window compare = robot.lookup("#comparisonTable").query().getScene().getWindow();
        robot.interact(() -> {
            compare.setWidth(1900);
            compare.setHeight(300);
        });
        Thread.sleep(1000);
        save(robot, compare.getScene().getRoot(), out.resolve("compare-workspace.png"));
    }

    private static void save(FxRobot robot, Node node, Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = node.snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
