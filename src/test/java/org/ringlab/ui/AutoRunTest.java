package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/** The autorun hook without a window: what it says, and that it quits once, when the run has ended. */
class AutoRunTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger quits = new AtomicInteger();
    private final CountDownLatch quit = new CountDownLatch(1);
    private final AutoRun autoRun = new AutoRun(out, Runnable::run, () -> {
        quits.incrementAndGet();
        quit.countDown();
    });

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void followsTheNewRunFromStartToEndAndQuitsOnce() {
        FakeRun older = new FakeRun("1", RunStatus.FINISHED, dir.resolve("runs/1"));
        FakeRun run = new FakeRun("2", RunStatus.PENDING, dir.resolve("runs/2"));
        autoRun.follow(() -> List.of(older, run), 1);
        assertEquals(1, run.listeners.size(), "listens to the run Start added, not the older one");
        assertTrue(lines().isEmpty(), "nothing to say while it waits: " + lines());

        run.emit(RunStatus.RUNNING, "training");
        run.emit(RunStatus.PAUSED, "paused");
        run.emit(RunStatus.RUNNING, "training");
        run.emit(RunStatus.FINISHED, "finished 3 epochs");
        run.emit(RunStatus.FINISHED, "finished 3 epochs");

        List<String> lines = lines();
        assertEquals("autorun: running 2", lines.get(0));
        assertTrue(lines.get(1).matches("autorun: fx-wait p50 \\S+ ms p99 \\S+ ms max \\S+ ms over \\d+ probes"),
                lines.get(1));
        assertEquals("autorun: ended 2 finished " + dir.resolve("runs/2").toAbsolutePath(), lines.get(2));
        assertEquals(3, lines.size(), "said once each: " + lines);
        assertEquals(1, quits.get());
    }

    @Test
    void aRunThatEndedBeforeItWasFollowedStillEnds() {
        FakeRun run = new FakeRun("7", RunStatus.FAILED, dir.resolve("runs/7"));
        run.set(RunStatus.FAILED, "bad data");
        autoRun.follow(() -> List.of(run), 0);
        assertEquals(List.of("autorun: ended 7 failed " + dir.resolve("runs/7").toAbsolutePath() + " (bad data)"),
                lines());
        assertEquals(1, quits.get());
    }

    @Test
    void waitsForTheRunToBeListed() throws Exception {
        List<RunHandle> listed = new CopyOnWriteArrayList<>();
        Thread follower = new Thread(() -> autoRun.follow(() -> List.copyOf(listed), 0));
        follower.start();
        Thread.sleep(100);
        FakeRun run = new FakeRun("3", RunStatus.RUNNING, dir.resolve("runs/3"));
        listed.add(run);
        follower.join(5_000);
        assertEquals(List.of("autorun: running 3"), lines());
    }

    @Test
    void anUnreadableConfigurationIsOneLineAndTheWindowQuits() throws Exception {
        Path missing = dir.resolve("missing.json");
        autoRun.start(missing, null, null);
        assertTrue(quit.await(10, TimeUnit.SECONDS), "quit");
        List<String> lines = lines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("autorun: error " + missing + ": cannot read it"), lines.get(0));
    }

    /** A run whose status the test moves. */
    private static final class FakeRun extends FakeRunHandle {
        FakeRun(String id, RunStatus status, Path directory) {
            super(id, "run " + id, RunConfig.defaults(), directory, status);
        }

        /** Who subscribed and has not left (the base keeps its subscribers to itself). */
        final List<TrainingListener> listeners = new ArrayList<>();

        @Override
        public void addListener(TrainingListener listener) {
            super.addListener(listener);
            listeners.add(listener);
        }

        @Override
        public void removeListener(TrainingListener listener) {
            super.removeListener(listener);
            listeners.remove(listener);
        }
    }
}
