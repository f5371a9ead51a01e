package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.stub.ServerCallStreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.remote.v1.RunEvent;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;

/** The worker's event log keeps a bounded window in memory and still replays a continuous history. */
class RunEventLogTest {
    private static final RunEventLog.Window SMALL = new RunEventLog.Window(16, 64 * 1024);
    private static final int STEPS_PER_EPOCH = 500;

    @TempDir
    Path tmp;

    private final List<String> log = new ArrayList<>();

    /** Feeds a run of {@code epochs} epochs: every step, an epoch event each, an 8 KB info line and a snapshot every 50 steps. */
    private void train(RunEventLog events, int fromEpoch, int toEpoch, Runnable afterEachEpoch) {
        train(events, fromEpoch, toEpoch, afterEachEpoch, true);
    }

    private void train(RunEventLog events, int fromEpoch, int toEpoch, Runnable afterEachEpoch, boolean bounded) {
        String big = "x".repeat(8192);
        for (int epoch = fromEpoch; epoch <= toEpoch; epoch++) {
            for (int i = 1; i <= STEPS_PER_EPOCH; i++) {
                int step = (epoch - 1) * STEPS_PER_EPOCH + i;
                events.onStep(new StepMetrics(step, epoch, i, STEPS_PER_EPOCH, 1.0 / step, 0.5, 0.1));
                if (step % 50 == 0) {
                    events.onInfo(big);
                    events.onSnapshot(new PositionSnapshot(step, epoch, i / (double) STEPS_PER_EPOCH, List.of()));
                }
                if (bounded) {
                    assertTrue(events.size() <= SMALL.events(), events.size() + " events in memory");
                    assertTrue(events.bytesInMemory() <= SMALL.bytes(), events.bytesInMemory() + " bytes in memory");
                }
            }
            events.onEpoch(new EpochMetrics(epoch, epoch * STEPS_PER_EPOCH, 1, 0.5, 0.5, 0.5, 0.5, 0.1, 100, 1, epoch));
            afterEachEpoch.run();
        }
    }

    @Test
    void memoryHoldsAWindowAndALateClientStillGetsEveryEventOnceInOrder() throws Exception {
        RunEventLog events = new RunEventLog(tmp.resolve("run.events"), SMALL, log::add);
        Watcher live = new Watcher();
        events.watch(0, live);
        events.onStatus(RunStatus.RUNNING, "");
        List<Watcher> late = new ArrayList<>();
        train(events, 1, 4, () -> {
            // a client that comes in the middle of the run replays the spool and the window, then follows live
            Watcher w = new Watcher();
            events.watch(0, w);
            late.add(w);
        });
        // one that reconnects from somewhere in the spilled part
        long middle = live.events.get(live.events.size() / 3).getSeq();
        Watcher reconnected = new Watcher();
        events.watch(middle, reconnected);
        train(events, 5, 6, () -> { });
        events.onStatus(RunStatus.FINISHED, "done");

        assertEquals(0, events.size(), "an ended run keeps no event in memory");
        assertTrue(live.completed);
        assertContinuous(live.events, 6, true);
        for (Watcher w : late) {
            assertTrue(w.completed);
            assertSame(live.events, w.events);
        }
        assertSame(live.events.stream().filter(e -> e.getSeq() >= middle).toList(), reconnected.events);

        Watcher afterTheEnd = new Watcher();
        events.watch(0, afterTheEnd);
        assertTrue(afterTheEnd.completed);
        assertSame(live.events, afterTheEnd.events);
        assertTrue(log.isEmpty(), log.toString());

        events.discard();
        assertTrue(Files.notExists(tmp.resolve("run.events")));
    }

    @Test
    void aLongRunsReplayIsThinnedEvenlyAndStillInOrder() {
        RunEventLog events = new RunEventLog(tmp.resolve("long.events"), SMALL, log::add);
        Watcher live = new Watcher();
        events.watch(0, live);
        train(events, 1, 20, () -> { });
        events.onStatus(RunStatus.FINISHED, "done");
        assertContinuous(live.events, 20, true);

        Watcher late = new Watcher();
        events.watch(0, late);
        List<Integer> steps = late.events.stream().filter(RunEvent::hasStep).map(e -> e.getStep().getStep()).toList();
        // 10,000 steps: past 8,192 every other one is dropped, before and after the window alike
        assertTrue(steps.equals(IntStream.rangeClosed(1, 5000).map(i -> 2 * i).boxed().toList()),
                steps.size() + " steps replayed, from " + (steps.isEmpty() ? "-" : steps.get(0)));
        assertContinuous(late.events, 20, false);
    }

    @Test
    void aSpoolThatCannotBeWrittenKeepsEventsInMemory() {
        RunEventLog events = new RunEventLog(tmp.resolve("no-such-folder/run.events"), SMALL, log::add);
        Watcher live = new Watcher();
        events.watch(0, live);
        train(events, 1, 1, () -> { }, false);
        assertTrue(events.size() > SMALL.events(), "nothing dropped");
        assertEquals(1, log.size(), log.toString());
        assertTrue(log.get(0).contains("cannot write the event spool"), log.get(0));
        Watcher late = new Watcher();
        events.watch(0, late);
        assertSame(live.events, late.events);
    }

    /** The same events in the same order; says where they part (the lists are too long to print). */
    private static void assertSame(List<RunEvent> expected, List<RunEvent> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), "event " + i);
        }
        assertEquals(expected.size(), actual.size(), "events");
    }

    @Test
    void aSlowClientIsSentOnlyWhatItCanTakeAndStillGetsEverything() {
        RunEventLog events = new RunEventLog(tmp.resolve("slow.events"), SMALL, log::add);
        Watcher live = new Watcher();
        events.watch(0, live);
        train(events, 1, 2, () -> { });
        Slow slow = new Slow(100);
        events.watch(0, slow);
        assertEquals(100, slow.events.size(), "the first batch, then it waits for the client");
        // the client takes it, the run goes on meanwhile, gRPC calls the ready handler
        train(events, 3, 3, () -> { });
        int pumps = 0;
        while (slow.waiting()) {
            slow.ready();
            pumps++;
            assertTrue(slow.events.size() <= 100 * (pumps + 1), "sent past the client's readiness");
        }
        // caught up: it is live now
        train(events, 4, 4, () -> { });
        events.onStatus(RunStatus.FINISHED, "done");
        assertTrue(slow.completed);
        assertSame(live.events, slow.events);
        assertContinuous(slow.events, 4, true);
    }

    /** Steps (1..n × epochs) and epochs each once and in order; seq always increasing. */
    private static void assertContinuous(List<RunEvent> events, int epochs, boolean everyStep) {
        long seq = -1;
        int lastStep = 0;
        int lastEpoch = 0;
        for (RunEvent e : events) {
            assertTrue(e.getSeq() > seq, "seq " + e.getSeq() + " after " + seq);
            seq = e.getSeq();
            if (e.hasStep()) {
                int step = e.getStep().getStep();
                assertTrue(everyStep ? step == lastStep + 1 : step > lastStep, step + " after " + lastStep);
                lastStep = step;
            }
            if (e.hasEpoch()) {
                assertEquals(lastEpoch + 1, e.getEpoch().getEpoch());
                lastEpoch = e.getEpoch().getEpoch();
            }
        }
        assertEquals(epochs, lastEpoch);
        assertEquals(epochs * STEPS_PER_EPOCH, lastStep);
    }

    /** A client whose stream stops being ready after every {@code batch} events, until it has taken them. */
    static final class Slow extends Watcher {
        private final int batch;
        private int taken;
        private Runnable onReady;

        Slow(int batch) {
            this.batch = batch;
        }

        @Override
        public boolean isReady() {
            return events.size() - taken < batch;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
            onReady = onReadyHandler;
        }

        boolean waiting() {
            return !isReady();
        }

        void ready() {
            taken = events.size();
            onReady.run();
        }
    }

    /** A stream that records what it is sent, as gRPC would send it. */
    static class Watcher extends ServerCallStreamObserver<RunEvent> {
        final List<RunEvent> events = new ArrayList<>();
        boolean completed;

        @Override
        public void onNext(RunEvent value) {
            events.add(value);
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError("unexpected error", t);
        }

        @Override
        public void onCompleted() {
            completed = true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void request(int count) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }
    }
}
