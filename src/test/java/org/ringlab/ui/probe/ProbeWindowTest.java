package org.ringlab.ui.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.probe.ProbeResult;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.FakeRunHandle;
import org.ringlab.ui.ServiceCalls;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The probe window: its FP32 choices, the probe off the JavaFX thread, the chart, one-line errors, export. */
@ExtendWith(ApplicationExtension.class)
class ProbeWindowTest {
    private static final ProbeResult RESULT = new ProbeResult("fp32", "ring", 200, 1, 1.0, 90.5, 88.0, List.of(
            new ProbeResult.Point("fc1", 256, 1.5, 1.25, 1.3, 1.4, 0.5, 0.4),
            new ProbeResult.Point("fc2", 10, 2.5, 2.75, Double.NaN, 2.0, 1.5, 1.7)));

    private final ServiceCalls calls = ServiceCalls.background();
    private final AtomicReference<Path> askedFp32 = new AtomicReference<>();
    private final AtomicInteger askedImages = new AtomicInteger();
    private final AtomicBoolean onFxThread = new AtomicBoolean(true);
    private volatile IOException failure;
    private ProbeWindow window;
    private RunHandle fp32;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        RunConfig ringConfig = RunConfig.defaults().toBuilder().method(Method.RING_STE).initFrom("5").build();
        RunHandle ring = new FakeRunHandle("6", "tiny ring", ringConfig, Path.of("runs", "6"), RunStatus.FINISHED);
        fp32 = new FakeRunHandle("5", "tiny fp32", RunConfig.defaults().toBuilder().method(Method.FP32).build(),
                Path.of("runs", "5"), RunStatus.FINISHED);
        RunHandle running = new FakeRunHandle("7", "fp32 running", RunConfig.defaults().toBuilder().method(Method.FP32)
                .build(), Path.of("runs", "7"), RunStatus.RUNNING);
        window = new ProbeWindow(stage, ring, List.of(ring, fp32, running), (run, reference, images, progress) -> {
            onFxThread.set(Platform.isFxApplicationThread());
            askedFp32.set(reference);
            askedImages.set(images);
            progress.done(1, 2);
            if (failure != null) {
                throw failure;
            }
            return RESULT;
        }, calls);
        window.stage().show();
    }

    @AfterEach
    void close() {
        calls.close();
    }

    private void computeAndWait(FxRobot robot) throws Exception {
        robot.clickOn("#probeCompute");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.compute.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void offersTheInitFromAndTheFinishedFp32RunsAndDrawsTheProbe(FxRobot robot) throws Exception {
        assertEquals(List.of("the run's init-from (5)", "tiny fp32 (run 5)"),
                window.reference.getItems().stream().map(ProbeWindow.Reference::label).toList());
        robot.interact(() -> {
            window.reference.getSelectionModel().select(1);
            window.images.setText("200");
        });
        computeAndWait(robot);
        assertFalse(onFxThread.get(), "the probe ran on the JavaFX thread");
        assertEquals(fp32.directory(), askedFp32.get());
        assertEquals(200, askedImages.get());
        List<XYChart.Series<String, Number>> series = window.chart.getData();
        assertEquals(List.of("FP32", "quantized (snapped)", "FP32 binary (INFERRED τ)", "FP32 ternary (INFERRED τ)"),
                series.stream().map(XYChart.Series::getName).toList());
        assertEquals(List.of("fc1", "fc2"), series.get(0).getData().stream().map(XYChart.Data::getXValue).toList());
        assertEquals(2.75, series.get(1).getData().get(1).getYValue().doubleValue());
        assertEquals(1, series.get(2).getData().size(), "a 0/0 layer is left out, not drawn at 0");
        assertTrue(window.status.getText().startsWith("200 test images (seed 1): accuracy FP32 90.50%, quantized "
                + "(snapped) 88.00%"), window.status.getText());

        Path csv = tmp.resolve("probe.csv");
        Path svg = tmp.resolve("probe.svg");
        robot.interact(() -> window.export(csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.status.getText().equals("wrote " + csv));
        robot.interact(() -> window.export(svg));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.status.getText().equals("wrote " + svg));
        List<String> rows = Files.readAllLines(csv);
        assertTrue(rows.get(1).startsWith("fc1,256,1.5,1.25,"), rows.toString());
        assertTrue(Files.readString(svg).contains("FP32 ternary (INFERRED"));
    }

    @Test
    void theInitFromIsTheDefaultAndAFailureIsOneLine(FxRobot robot) throws Exception {
        failure = new IOException("runs/5: the run has no checkpoint yet (checkpoint.params or resume.ckpt)");
        computeAndWait(robot);
        assertEquals(null, askedFp32.get(), "null: the run's own init-from, resolved off the JavaFX thread");
        assertEquals(1000, askedImages.get());
        assertEquals(failure.getMessage(), window.status.getText());
        assertTrue(window.chart.getData().isEmpty());
    }

    @Test
    void aBadImageCountIsRefusedBeforeComputing(FxRobot robot) {
        robot.interact(() -> window.images.setText("lots"));
        robot.clickOn("#probeCompute");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.status.getText().startsWith("Images: a whole number of at least 2"), window.status.getText());
        assertEquals(0, askedImages.get(), "nothing computed");
    }
}
