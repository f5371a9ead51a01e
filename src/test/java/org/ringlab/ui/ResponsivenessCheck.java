package org.ringlab.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.train.StepMetrics;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Measures the JavaFX pulse interval while a ResNet-20 ring-4 run trains in the window, and prints
 * p50 / p99 (not part of the test suite; run it as the README says, ideally under Xvfb).
 */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessCheck {
    @TempDir
    static Path workspace;

    private TrainingService service;
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        service = new InProcessTrainingService(workspace);
        Scene scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void pulseIntervalsDuringAResNetRun(FxRobot robot) throws Exception {
        String data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
        robot.interact(() -> controller.setup().pasteJson("{\"data\": \"" + data + "\", \"model\": \"resnet20\","
                + " \"ring-size\": 4, \"optimizer\": \"sgd\", \"lr\": 0.1, \"epochs\": 1, \"limit-train\": 12800,"
                + " \"snapshot-every\": 5}"));
        robot.clickOn("#startButton");
        // Start submits on a background lane: the run exists once the service has answered
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> service.runs().size() == 1);
        RunHandle run = service.runs().get(0);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.history().steps().size() >= 3);
        PulseMonitor monitor = new PulseMonitor();
        robot.interact(monitor::start);
        int steps0 = run.history().steps().size();
        Thread.sleep(TimeUnit.SECONDS.toMillis(Long.getLong("ringlab.pulse.seconds", 30)));
        robot.interact(monitor::stop);
        StepMetrics last = run.history().steps().get(run.history().steps().size() - 1);
        String line = String.format(Locale.ROOT, "pulse interval over %d frames while training ResNet-20 ring 4 "
                + "(%d steps meanwhile): p50 %.1f ms, p99 %.1f ms, max %.1f ms", monitor.frames(),
                run.history().steps().size() - steps0, monitor.percentileMillis(0.5), monitor.percentileMillis(0.99),
                monitor.percentileMillis(1.0));
        System.out.println(line);
        System.out.println("last step " + last.step() + ", loss " + last.loss());
        robot.clickOn("#stopButton");
    }
}
