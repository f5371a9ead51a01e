package org.ringlab.remote;

import com.google.protobuf.CodedOutputStream;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ringlab.remote.v1.InfoEvent;
import org.ringlab.remote.v1.RunEvent;
import org.ringlab.remote.v1.StatusEvent;
import org.ringlab.service.RunHistory;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/**
 * One run's events on the worker, numbered, kept for replay and fanned out to the streams that
 * watch the run. A watcher gets the recorded events, as fast as it takes them, and then the live
 * ones; both are sent under the log's lock, so it sees each event exactly once and in order. Step events are thinned as {@link RunHistory} thins
 * them, so a long run's replay stays bounded; every other event is kept.
 *
 * <p>Memory holds only a recent window of events (at most {@link Window#events} events and
 * {@link Window#bytes} bytes); every kept event is also appended to a spool file on disk, from
 * which a watcher that starts before the window is served. A run that ended keeps no event in
 * memory. The seq of each event is the one it was first sent with, so a client that reconnects
 * from any seq continues without a gap or a repeat. If the spool cannot be written (a full
 * disk), the log keeps its events in memory instead.
 */
final class RunEventLog implements TrainingListener {
    /** How much of a run's recent history stays in memory. */
    record Window(int events, long bytes) {
        /** A few hundred snapshots of a ResNet (about 10 KB each), thousands of steps. */
        static final Window DEFAULT = new Window(2048, 4L << 20);
    }

    private final Path spool;
    private final Window window;
    private final Consumer<String> log;
    private final ArrayDeque<RunEvent> recent = new ArrayDeque<>();
    private final List<ServerCallStreamObserver<RunEvent>> watchers = new ArrayList<>();
    private OutputStream spoolOut;
    private boolean spoolBroken;
    /** Events with a smaller seq are only in the spool. */
    private long firstInMemory;
    private long recentBytes;
    private long nextSeq;
    private int keptSteps;
    private int stride = 1;
    private boolean ended;

    /**
     * @param spool the file this run's events go to (created or replaced)
     * @param log where a failure to write the spool is reported, in one line
     */
    RunEventLog(Path spool, Window window, Consumer<String> log) {
        this.spool = spool;
        this.window = window;
        this.log = log;
        try {
            spoolOut = new BufferedOutputStream(Files.newOutputStream(spool, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        } catch (IOException e) {
            spoolFailed(e);
        }
        onStatus(RunStatus.PENDING, "queued");
    }

    @Override
    public void onStatus(RunStatus status, String message) {
        append(RunEvent.newBuilder().setStatus(StatusEvent.newBuilder().setState(Wire.state(status))
                .setMessage(message == null ? "" : message)), status.isTerminal());
    }

    @Override
    public void onStep(StepMetrics step) {
        append(RunEvent.newBuilder().setStep(Wire.step(step)), false);
    }

    @Override
    public void onEpoch(EpochMetrics epoch) {
        append(RunEvent.newBuilder().setEpoch(Wire.epoch(epoch)), false);
    }

    @Override
    public void onSnapshot(PositionSnapshot snapshot) {
        append(RunEvent.newBuilder().setSnapshot(Wire.snapshot(snapshot)), false);
    }

    @Override
    public void onInfo(String message) {
        append(RunEvent.newBuilder().setInfo(InfoEvent.newBuilder().setMessage(message)), false);
    }

    private synchronized void append(RunEvent.Builder builder, boolean terminal) {
        RunEvent event = builder.setSeq(nextSeq++).build();
        if (kept(event)) {
            keep(event);
            if (event.hasStep() && ++keptSteps >= RunHistory.MAX_STEPS) {
                thinSteps();
            }
        }
        watchers.removeIf(w -> !send(w, event));
        if (terminal) {
            ended = true;
            watchers.forEach(RunEventLog::complete);
            watchers.clear();
            // an ended run is served from the spool only
            closeSpool();
            if (!spoolBroken) {
                recent.clear();
                recentBytes = 0;
                firstInMemory = nextSeq;
            }
        } else {
            // a resumed run lives again
            ended = false;
        }
    }

    private boolean kept(RunEvent event) {
        return !event.hasStep() || event.getStep().getStep() % stride == 0;
    }

    private void keep(RunEvent event) {
        if (!spoolBroken) {
            try {
                if (spoolOut == null) {
                    spoolOut = new BufferedOutputStream(Files.newOutputStream(spool, StandardOpenOption.APPEND));
                }
                event.writeDelimitedTo(spoolOut);
            } catch (IOException e) {
                spoolFailed(e);
            }
        }
        recent.addLast(event);
        recentBytes += event.getSerializedSize();
        if (!spoolBroken && overfull()) {
            try {
                // only what the file surely holds may leave memory
                spoolOut.flush();
            } catch (IOException e) {
                spoolFailed(e);
                return;
            }
            while (!recent.isEmpty() && overfull()) {
                RunEvent gone = recent.removeFirst();
                recentBytes -= gone.getSerializedSize();
                firstInMemory = gone.getSeq() + 1;
            }
        }
    }

    private boolean overfull() {
        return recent.size() > window.events() || recentBytes > window.bytes();
    }

    private void spoolFailed(IOException e) {
        if (!spoolBroken) {
            spoolBroken = true;
            log.accept("cannot write the event spool " + spool + " (" + e.getMessage()
                    + "); this run's events stay in memory");
        }
        closeSpool();
    }

    private void closeSpool() {
        OutputStream out = spoolOut;
        spoolOut = null;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                spoolFailed(e);
            }
        }
    }

    private void thinSteps() {
        stride *= 2;
        // the spool keeps the steps it has; replays skip them by the same rule
        recent.removeIf(e -> {
            if (!kept(e)) {
                recentBytes -= e.getSerializedSize();
                return true;
            }
            return false;
        });
        keptSteps = (keptSteps + 1) / 2;
    }

    /**
     * Replays events from {@code fromSeq}, then streams live ones until the run ends or the call is
     * cancelled. The replay follows the client's flow control: it sends while the stream is ready
     * and goes on when gRPC says it is ready again, so a slow client of a long history does not
     * pile the whole history up in the worker's send buffers. Live events are sent as they come.
     */
    synchronized void watch(long fromSeq, ServerCallStreamObserver<RunEvent> watcher) {
        Replay replay = new Replay(watcher, fromSeq);
        // gRPC accepts the handlers only before this call returns to it
        watcher.setOnCancelHandler(() -> forget(watcher));
        watcher.setOnReadyHandler(() -> pump(replay));
        pump(replay);
    }

    /** Where one watcher's replay stands. */
    private static final class Replay {
        final ServerCallStreamObserver<RunEvent> watcher;
        /** The smallest seq not yet considered. */
        long next;
        /** A spool offset at or before the event {@code next}. */
        long offset;
        /** Live, completed or gone: nothing left to replay. */
        boolean over;

        Replay(ServerCallStreamObserver<RunEvent> watcher, long fromSeq) {
            this.watcher = watcher;
            this.next = fromSeq;
        }
    }

    private synchronized void pump(Replay r) {
        if (r.over) {
            return;
        }
        if (r.next < firstInMemory && !replaySpool(r)) {
            return;
        }
        for (RunEvent event : recent) {
            if (event.getSeq() < r.next) {
                continue;
            }
            if (!r.watcher.isReady()) {
                // the rest when the client has taken what was sent
                return;
            }
            if (kept(event) && !send(r.watcher, event)) {
                r.over = true;
                return;
            }
            r.next = event.getSeq() + 1;
        }
        r.over = true;
        if (ended) {
            complete(r.watcher);
        } else {
            watchers.add(r.watcher);
        }
    }

    /**
     * Sends what only the spool holds, from the replay's place while the watcher is ready.
     *
     * @return true when the replay reached the events in memory
     */
    private boolean replaySpool(Replay r) {
        try {
            if (spoolOut != null) {
                spoolOut.flush();
            }
            try (InputStream in = new BufferedInputStream(Channels.newInputStream(
                    FileChannel.open(spool).position(r.offset)))) {
                RunEvent event;
                while (r.next < firstInMemory) {
                    if (!r.watcher.isReady()) {
                        return false;
                    }
                    event = RunEvent.parseDelimitedFrom(in);
                    if (event == null) {
                        throw new IOException("it ends before event " + firstInMemory);
                    }
                    int size = event.getSerializedSize();
                    r.offset += CodedOutputStream.computeUInt32SizeNoTag(size) + size;
                    if (event.getSeq() < r.next) {
                        continue;
                    }
                    if (kept(event) && !send(r.watcher, event)) {
                        r.over = true;
                        return false;
                    }
                    r.next = event.getSeq() + 1;
                }
            }
            return true;
        } catch (IOException e) {
            r.over = true;
            log.accept("cannot read the event spool " + spool + " (" + e.getMessage() + ")");
            r.watcher.onError(Status.UNAVAILABLE.withDescription("the worker cannot read this run's earlier "
                    + "events; watch from a later seq").asRuntimeException());
            return false;
        }
    }

    private synchronized void forget(ServerCallStreamObserver<RunEvent> watcher) {
        watchers.remove(watcher);
    }

    /** Drops the spool; the log serves no one afterwards (a resumed run gets a new log). */
    synchronized void discard() {
        closeSpool();
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // the whole spool folder goes when the worker closes
        }
    }

    /** Number of events held in memory (tests). */
    synchronized int size() {
        return recent.size();
    }

    /** Bytes of the events held in memory (tests). */
    synchronized long bytesInMemory() {
        return recentBytes;
    }

    private static boolean send(ServerCallStreamObserver<RunEvent> watcher, RunEvent event) {
        if (watcher.isCancelled()) {
            return false;
        }
        try {
            watcher.onNext(event);
            return true;
        } catch (StatusRuntimeException | IllegalStateException e) {
            // the client went away between the check and the send
            return false;
        }
    }

    private static void complete(ServerCallStreamObserver<RunEvent> watcher) {
        try {
            if (!watcher.isCancelled()) {
                watcher.onCompleted();
            }
        } catch (StatusRuntimeException | IllegalStateException e) {
            // cancelled meanwhile: nothing left to tell
        }
    }
}
