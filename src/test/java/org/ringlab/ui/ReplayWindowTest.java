package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.timeline.EpochIndex;
import org.ringlab.ui.timeline.EpochMarkers;
import org.ringlab.ui.timeline.ReplaySpeed;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline's replay speed and epoch marks, two rings side by side, and Export… of the ring view. */
@ExtendWith(ApplicationExtension.class)
class ReplayWindowTest {
    private static final int RING = 8;
    private static final int SUB_BINS = 4;

    @TempDir
    Path tmp;

    private final ScriptedService service = new ScriptedService();
    private MainController controller;

    @Start
    void start(Stage stage) throws Exception {
        Scene scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
    }

    /**
     * A finished ring run of {@code epochs} epochs with {@code perEpoch} snapshots per epoch; each
     * snapshot's histogram has all its mass in one bin that moves with the step, so the snapshot shown can be told.
     */
    private LiveRun run(String id, Method method, int epochs, int perEpoch) {
        RunConfig config = RunConfig.builder().method(method).ringType(RingType.TRIANGLE).ringSize(RING)
                .ringMode(RingMode.REFERENCE).epochs(epochs).name(id).build();
        FakeRunHandle handle = new FakeRunHandle(id, id, config, tmp.resolve(id), RunStatus.FINISHED);
        int stepsPerEpoch = 100;
        for (int i = 0; i <= epochs * perEpoch; i++) {
            int step = i * stepsPerEpoch / perEpoch;
            double progress = (double) step / stepsPerEpoch;
            handle.history().onSnapshot(new PositionSnapshot(step, (int) progress, progress,
                    List.of(layer("conv1", step), layer("fc1", step + 7))));
        }
        return new LiveRun(handle);
    }

    private static LayerSnapshot layer(String name, int step) {
        int[] histogram = new int[RING * SUB_BINS];
        long[] slots = new long[RING];
        int bin = step % histogram.length;
        histogram[bin] = 50;
        slots[bin / SUB_BINS] = 50;
        return new LayerSnapshot(name, RING, SUB_BINS, 50, histogram, slots, 0.0, 0.0, 1.0);
    }

    private void show(FxRobot robot, LiveRun run) {
        robot.interact(() -> controller.timeline().showRun(run));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theShownRunsMethodScalarsReachTheScalarsTab(FxRobot robot) {
        RunConfig config = RunConfig.builder().method(Method.TTQ).epochs(2).name("ttq").build();
        FakeRunHandle handle = new FakeRunHandle("ttq", "ttq", config, tmp.resolve("ttq"), RunStatus.FINISHED);
        for (int step : new int[] {0, 100, 200}) {
            org.ringlab.train.LatentHistogram h = new org.ringlab.train.LatentHistogram("w̃/Δ", -3, 3, new int[12],
                    List.of(), false, new long[3], 0, 1.5, java.util.Map.of("W_p", 1.0 + step / 100.0, "W_n", 1.0));
            handle.history().onSnapshot(new PositionSnapshot(step, step / 100, step / 100.0,
                    List.of(new LayerSnapshot("conv1", 0, 0, 150, new int[0], new long[0], 0, 1.5, 0, h))));
        }
        show(robot, new LiveRun(handle));
        // the tab draws once it is on screen
        robot.interact(() -> robot.lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(2));
        assertEquals("W_n", controller.charts().scalarsView().scalar());
        assertEquals(List.of("conv1"), controller.charts().scalarsView().layersDrawn());
    }

    @Test
    void epochEndsAreMarkedUnderTheSlider(FxRobot robot) {
        show(robot, run("three", Method.RING, 3, 10));
        EpochMarkers markers = robot.lookup(".epoch-markers").queryAs(EpochMarkers.class);
        assertEquals(List.of("epoch 1", "epoch 2", "epoch 3"), markers.labelTexts());
        Slider slider = robot.lookup("#timeline").queryAs(Slider.class);
        List<Double> x = markers.tickPositions();
        // snapshots 0..30: epoch k ends at snapshot 10k, k/3 of the way along the track
        double span = x.get(2) - x.get(0);
        assertTrue(span > slider.getWidth() * 0.5, "ticks spread over the slider: " + x);
        assertEquals(x.get(1) - x.get(0), x.get(2) - x.get(1), 1.5, "even epochs, even spacing: " + x);
        assertTrue(x.get(2) > slider.getWidth() * 0.9, "the last epoch ends at the slider's right end: " + x);
        robot.interact(() -> controller.timeline().showRun(run("one-and-a-half", Method.RING, 1, 4)));
        assertEquals(List.of("epoch 1"), markers.labelTexts());
    }

    @Test
    void theReplaySpeedSetsHowFastThePlayheadMoves(FxRobot robot) throws Exception {
        LiveRun run = run("speed", Method.RING, 3, 10);
        show(robot, run);
        @SuppressWarnings("unchecked")
        ComboBox<ReplaySpeed> speed = robot.lookup("#speedBox").queryAs(ComboBox.class);
        assertEquals(ReplaySpeed.NORMAL, speed.getValue());
        assertEquals(List.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0), speed.getItems().stream().map(ReplaySpeed::factor).toList());

        double fast = playFor(robot, speed, 8, 600);
        double slow = playFor(robot, speed, 0.25, 600);
        // at 8× 1.6 epochs a second, at 0.25× 0.05: the wall clock decides how far each gets, not the frame rate
        assertTrue(fast > 0.3, "8× moved " + fast + " epochs in 0.6 s");
        assertTrue(slow < 0.1, "0.25× moved " + slow + " epochs in 0.6 s");
        assertTrue(fast > 8 * slow, "8× " + fast + " vs 0.25× " + slow);

        // a speed chosen while playing takes effect at once; the slider follows the playhead
        robot.interact(() -> speed.setValue(new ReplaySpeed(0.25)));
        robot.interact(() -> controller.timeline().togglePlay());
        robot.interact(() -> speed.setValue(new ReplaySpeed(4)));
        assertEquals(4, controller.timeline().replay().getRate());
        Thread.sleep(300);
        robot.interact(() -> {
            double at = controller.timeline().playhead();
            Slider slider = robot.lookup("#timeline").queryAs(Slider.class);
            assertEquals(EpochIndex.at(run.snapshots, at), slider.getValue(), 1.0);
            controller.timeline().togglePlay();
        });
        assertEquals(null, controller.timeline().replay());
        assertEquals("Play", robot.lookup("#playButton").queryButton().getText());
    }

    /** Plays from the first snapshot at {@code factor}× for {@code millis} of wall time; the epochs covered. */
    private double playFor(FxRobot robot, ComboBox<ReplaySpeed> speed, double factor, long millis) throws Exception {
        Slider slider = robot.lookup("#timeline").queryAs(Slider.class);
        robot.interact(() -> {
            slider.setValue(0);
            speed.setValue(new ReplaySpeed(factor));
            controller.timeline().togglePlay();
        });
        assertNotNull(controller.timeline().replay());
        assertEquals(factor, controller.timeline().replay().getRate());
        assertEquals("Pause replay", robot.lookup("#playButton").queryButton().getText());
        long started = System.nanoTime();
        Thread.sleep(millis);
        double[] moved = new double[1];
        robot.interact(() -> {
            moved[0] = controller.timeline().playhead();
            if (controller.timeline().replay() != null) {
                controller.timeline().togglePlay();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        // a slow machine stretches the wait: scale back to the time asked for
        return moved[0] * millis / 1000.0 / seconds;
    }

    @Test
    void twoRingsSideBySideMoveTogetherWhenScrubbing(FxRobot robot) {
        LiveRun reference = run("reference", Method.RING, 3, 10);
        // another method, and snapshots four times an epoch instead of ten: aligned by epochs done
        LiveRun ste = run("ste", Method.RING_STE, 3, 4);
        show(robot, reference);
        StackPane compared = robot.lookup("#compareViewPane").queryAs(StackPane.class);
        assertFalse(compared.getParent().isVisible(), "one ring until asked");
        robot.interact(() -> {
            robot.lookup("#layerBox").queryComboBox().getSelectionModel().select("fc1");
            controller.timeline().compareWith(ste);
        });
        assertTrue(compared.getParent().isVisible());
        assertEquals("End comparison", robot.lookup("#compareRingsButton").queryButton().getText());
        Slider slider = robot.lookup("#timeline").queryAs(Slider.class);
        for (int index : new int[] {15, 4, 30, 0, 22}) {
            robot.interact(() -> slider.setValue(index));
            PositionSnapshot mine = reference.snapshots.get(index);
            PositionSnapshot theirs = ste.snapshots.get(EpochIndex.at(ste.snapshots, mine.epochProgress()));
            assertTrue(theirs.epochProgress() <= mine.epochProgress() + 1e-9
                    && mine.epochProgress() - theirs.epochProgress() < 0.25 + 1e-9, mine + " / " + theirs);
            assertArrayEquals(mine.layers().get(1).histogram(),
                    controller.timeline().ringView.getShown().histogram(), "left ring at snapshot " + index);
            assertArrayEquals(theirs.layers().get(1).histogram(),
                    controller.timeline().compareView.getShown().histogram(), "right ring at epoch "
                            + mine.epochProgress());
            String caption = robot.lookup("#compareCaption").queryAs(Label.class).getText();
            assertTrue(caption.startsWith("ste · ") && caption.contains("step " + theirs.step() + " "), caption);
            assertTrue(robot.lookup("#ringCaption").queryAs(Label.class).getText().contains("step " + mine.step() + " "));
        }
        robot.interact(() -> controller.timeline().endComparison());
        assertFalse(compared.getParent().isVisible());
    }

    private static String message(FxRobot robot) {
        return robot.lookup("#messageLabel").queryAs(Label.class).getText();
    }

    @Test
    void exportWritesTheShownSnapshotAndTheAnimation(FxRobot robot) throws Exception {
        LiveRun run = run("exported", Method.RING, 2, 2);
        show(robot, run);
        robot.interact(() -> robot.lookup("#timeline").queryAs(Slider.class).setValue(2));
        Path png = tmp.resolve("out/ring.png");
        Path gif = tmp.resolve("out/ring.gif");
        robot.interact(() -> controller.timeline().export().exportFigure(png));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.isRegularFile(png) && Files.size(png) > 0
                && message(robot).startsWith("exported"));
        assertEquals(1050, ImageIO.read(png.toFile()).getWidth(), "3.5 in at 300 dpi");
        robot.interact(() -> controller.timeline().export().exportAnimation(gif));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message(robot).equals("exported " + gif));
        List<Integer> frames = new ArrayList<>();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            frames.add(reader.getNumImages(true));
        }
        assertEquals(List.of(run.snapshots.size()), frames);
        robot.interact(() -> controller.timeline().export().exportFigure(tmp.resolve("ring.bmp")));
        assertTrue(message(robot).contains("must end in .png, .svg or .pdf"), message(robot));
    }
}
