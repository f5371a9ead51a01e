package org.ringlab.remote;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.remote.v1.ControlRequest;
import org.ringlab.remote.v1.ListRunsRequest;
import org.ringlab.remote.v1.MoveQueuedRequest;
import org.ringlab.remote.v1.QueueReply;
import org.ringlab.remote.v1.RunEvent;
import org.ringlab.remote.v1.RunInfo;
import org.ringlab.remote.v1.ResumeRunRequest;
import org.ringlab.remote.v1.RunRequest;
import org.ringlab.remote.v1.SubmitRequest;
import org.ringlab.remote.v1.WatchRequest;
import org.ringlab.remote.v1.WorkerBeat;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.service.WorkerInfo;
import org.ringlab.train.Failures;
import org.ringlab.train.RunStatus;

/**
 * Trains in a worker process over gRPC: one this service launches on this machine
 * ({@link #launchLocal}), or a {@code ringlab serve} elsewhere ({@link #connect}). Run handles are
 * fed from the worker's event streams; queue listings from its heartbeat, so that reading state
 * never waits on the network.
 *
 * <p>When the worker dies (killed, crashed, out of memory) or goes silent, its unfinished runs
 * become {@link RunStatus#INTERRUPTED} within two seconds with everything received so far kept;
 * {@link #restartWorker()} starts a fresh worker or reconnects.
 */
public final class RemoteTrainingService implements TrainingService {
    /** A remote worker heard from for this long is treated as gone. */
    public static final Duration REMOTE_SILENCE = Duration.ofMillis(1500);
    /** A launched worker's death shows at once through its process; silence only catches a hang. */
    public static final Duration LOCAL_SILENCE = Duration.ofSeconds(10);

    /** Describe may load the engine (a few seconds, more on a cold cache). */
    private static final long DESCRIBE_SECONDS = 180;

    private final WorkerLauncher launcher;
    private final String host;
    private final int port;
    private final String token;
    private final File tlsTrust;
    private volatile long silenceMillis;
    private final Map<String, RemoteRun> runs = new LinkedHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ringlab-worker-watchdog");
        t.setDaemon(true);
        return t;
    });
    private volatile WorkerConnection connection;
    private volatile String lastLoss = "was never started";
    private List<String> queue = List.of();
    private long queueVersion = -1;
    private volatile boolean closed;
    /** Serializes starting and restarting workers without blocking readers of the run list. */
    private final Object lifecycle = new Object();

    private RemoteTrainingService(WorkerLauncher launcher, String host, int port, String token, File tlsTrust,
            Duration silence) {
        this.launcher = launcher;
        this.host = host;
        this.port = port;
        this.token = token;
        this.tlsTrust = tlsTrust;
        this.silenceMillis = silence.toMillis();
    }

    /**
     * Starts a worker JVM of this installation on a free loopback port with a private random
     * token, and connects to it.
     *
     * @throws WorkerException when the worker does not start or answer
     */
    public static RemoteTrainingService launchLocal(Path workspace) {
        return launchLocal(new WorkerLauncher(workspace));
    }

    public static RemoteTrainingService launchLocal(WorkerLauncher launcher) {
        RemoteTrainingService s = new RemoteTrainingService(launcher, null, 0, null, null, LOCAL_SILENCE);
        s.start();
        return s;
    }

    /**
     * Connects to a running {@code ringlab serve}; the worker's existing runs are listed and
     * replayed.
     *
     * @param token the worker's token, or null when it demands none
     * @param tlsTrust the worker's certificate (or its CA) for TLS, or null for plaintext
     * @throws WorkerException when the worker cannot be reached, refuses the token or speaks another version
     */
    public static RemoteTrainingService connect(String host, int port, String token, File tlsTrust) {
        return connect(host, port, token, tlsTrust, REMOTE_SILENCE);
    }

    public static RemoteTrainingService connect(String host, int port, String token, File tlsTrust,
            Duration silence) {
        RemoteTrainingService s = new RemoteTrainingService(null, host, port, token, tlsTrust, silence);
        s.start();
        return s;
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the watchdog runs for the service's life; close() shuts it down
    private void start() {
        open();
        watchdog.scheduleAtFixedRate(this::checkSilence, 100, 100, TimeUnit.MILLISECONDS);
    }

    private void open() {
        synchronized (lifecycle) {
            openLocked();
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the process-exit hook only reports the loss; nothing waits on it
    private void openLocked() {
        WorkerConnection c;
        String location;
        if (launcher != null) {
            WorkerLauncher.Launched launched = launcher.launch();
            c = new WorkerConnection(launched.host(), launched.port(), launched.token(), null, launched.process());
            location = "local worker (pid " + launched.process().pid() + ")";
        } else {
            c = new WorkerConnection(host, port, token, tlsTrust, null);
            location = "worker at " + host + ":" + port;
        }
        try {
            c.describe(location, DESCRIBE_SECONDS);
        } catch (RuntimeException e) {
            c.markDead();
            c.shutdown();
            if (c.process != null) {
                c.process.destroyForcibly();
            }
            throw e;
        }
        connection = c;
        c.watchHeartbeat(this::onBeat, this::lost);
        if (c.process != null) {
            c.process.onExit().thenAccept(p -> lost(c, "process ended"));
        }
        resync(c);
    }

    /** Lists the worker's runs and follows each from where this client left it. */
    private void resync(WorkerConnection c) {
        List<RunInfo> infos = c.call(w -> w.listRuns(ListRunsRequest.getDefaultInstance())).getRunsList();
        for (RunInfo info : infos) {
            RemoteRun run = adopt(c, info, false);
            follow(c, run, run.nextSeq());
        }
    }

    /**
     * This client's handle of the run {@code info} describes: a new one, or the one it knows, which
     * takes the worker's word on its state ({@code resumed}: and starts its history over).
     */
    private synchronized RemoteRun adopt(WorkerConnection c, RunInfo info, boolean resumed) {
        RemoteRun run = runs.get(info.getId());
        if (run == null) {
            run = new RemoteRun(this, info, c);
            runs.put(run.id(), run);
        } else if (resumed) {
            run.restartFromResume(c, info);
        } else {
            run.reattach(c, info);
        }
        return run;
    }

    private void follow(WorkerConnection c, RemoteRun run, long fromSeq) {
        c.async.watch(WatchRequest.newBuilder().setRunId(run.id()).setFromSeq(fromSeq).build(),
                new StreamObserver<RunEvent>() {
                    @Override
                    public void onNext(RunEvent event) {
                        run.accept(c, event);
                    }

                    @Override
                    public void onError(Throwable t) {
                        Status status = Status.fromThrowable(t);
                        if (status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.UNKNOWN) {
                            lost(c, "event stream lost: " + status.getCode());
                        } else {
                            Failures.debug(t);
                        }
                    }

                    @Override
                    public void onCompleted() {
                        // the run ended; its terminal status came before
                    }
                });
    }

    private synchronized void onBeat(WorkerBeat beat) {
        applyQueue(beat.getQueueVersion(), beat.getQueuedRunIdsList());
    }

    private synchronized void applyQueue(long version, List<String> ids) {
        if (version >= queueVersion) {
            queueVersion = version;
            queue = List.copyOf(ids);
        }
    }

    private void checkSilence() {
        WorkerConnection c = connection;
        if (c != null && !c.isDead() && c.millisSinceLastBeat() > silenceMillis) {
            lost(c, String.format(java.util.Locale.ROOT, "no heartbeat for %.1f s", silenceMillis / 1000.0));
        }
    }

    /** Something says the worker is gone; decided off the calling (gRPC) thread. */
    private void lost(WorkerConnection c, String reason) {
        if (c.isDead() || closed) {
            return;
        }
        try {
            watchdog.execute(() -> declareDead(c, reason));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    private void declareDead(WorkerConnection c, String reason) {
        if (c.isDead() || closed) {
            return;
        }
        String cause;
        if (c.process != null) {
            // a broken stream usually means the process is exiting: let its exit code tell why
            try {
                c.process.waitFor(700, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (c.process.isAlive()) {
                cause = "stopped answering (" + reason + ")";
                c.process.destroyForcibly();
            } else {
                cause = "died (" + Exits.cause(c.process.exitValue()) + ")";
            }
        } else {
            cause = "unreachable (" + reason + ")";
        }
        retire(c, cause);
    }

    private void retire(WorkerConnection c, String cause) {
        if (!c.markDead()) {
            return;
        }
        lastLoss = cause;
        c.shutdown();
        List<RemoteRun> affected;
        synchronized (this) {
            affected = new ArrayList<>(runs.values());
            queue = List.of();
        }
        for (RemoteRun run : affected) {
            run.interrupt(c, cause);
        }
    }

    private WorkerConnection live() {
        WorkerConnection c = connection;
        if (closed) {
            throw new IllegalStateException("the training service is closed");
        }
        if (c == null || c.isDead()) {
            throw new WorkerException("the worker " + lastLoss + "; restart it to train again");
        }
        return c;
    }

    @Override
    public RunHandle submit(RunConfig config) {
        WorkerConnection c = live();
        RunInfo info = c.call(w -> w.submit(
                SubmitRequest.newBuilder().setConfigJson(RunConfigJson.toJson(config)).build()));
        RemoteRun run = new RemoteRun(this, info, c);
        synchronized (this) {
            runs.put(run.id(), run);
            if (run.status() == RunStatus.PENDING && !queue.contains(run.id())) {
                // until the next beat lists it
                List<String> q = new ArrayList<>(queue);
                q.add(run.id());
                queue = List.copyOf(q);
            }
        }
        follow(c, run, 0);
        return run;
    }

    @Override
    public synchronized List<RunHandle> runs() {
        return List.copyOf(runs.values());
    }

    @Override
    public synchronized List<RunHandle> queued() {
        List<RunHandle> list = new ArrayList<>();
        for (String id : queue) {
            RemoteRun run = runs.get(id);
            if (run != null && run.status() == RunStatus.PENDING) {
                list.add(run);
            }
        }
        return list;
    }

    @Override
    public void cancelQueued(String runId) {
        WorkerConnection c = live();
        applyQueue(c.call(w -> w.cancelQueued(RunRequest.newBuilder().setRunId(runId).build())));
    }

    @Override
    public void moveQueued(String runId, int offset) {
        WorkerConnection c = live();
        applyQueue(c.call(w -> w.moveQueued(
                MoveQueuedRequest.newBuilder().setRunId(runId).setOffset(offset).build())));
    }

    private void applyQueue(QueueReply reply) {
        applyQueue(reply.getQueueVersion(), reply.getRunIdsList());
    }

    @Override
    public RunHandle resume(String runId) {
        return resume(runId, false);
    }

    @Override
    public RunHandle resume(String runId, boolean fromScratch) {
        WorkerConnection c = live();
        RunInfo info = c.call(w -> w.resumeRun(
                ResumeRunRequest.newBuilder().setRunId(runId).setFromScratch(fromScratch).build()));
        RemoteRun run = adopt(c, info, true);
        follow(c, run, 0);
        return run;
    }

    void control(RemoteRun run, ControlRequest.Action action) {
        live().call(w -> w.control(ControlRequest.newBuilder().setRunId(run.id()).setAction(action).build()));
    }

    /** What the worker reported when this client connected (its last known state once it died). */
    @Override
    public WorkerInfo describe() {
        WorkerConnection c = connection;
        if (c == null || c.info() == null) {
            throw new WorkerException("the worker " + lastLoss);
        }
        return c.isDead() ? c.info().at(c.info().location() + ", " + lastLoss) : c.info();
    }

    @Override
    public boolean workerAlive() {
        WorkerConnection c = connection;
        return c != null && !c.isDead();
    }

    /**
     * Ends the current worker if it still lives (its unfinished runs become interrupted), then
     * starts a fresh one, or reconnects to the remote one and follows its runs again.
     */
    @Override
    public void restartWorker() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the training service is closed");
            }
            WorkerConnection old = connection;
            if (old != null && !old.isDead()) {
                if (old.process != null) {
                    old.process.destroyForcibly();
                }
                retire(old, "was restarted");
            }
            openLocked();
        }
    }

    /** The launched worker's process (tests and diagnostics); empty for a remote worker. */
    public java.util.Optional<Process> workerProcess() {
        WorkerConnection c = connection;
        return c == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(c.process);
    }

    /**
     * Disconnects. A launched worker is asked to stop (its runs stop between two steps) and is
     * killed if it has not ended within 15 s; a remote worker keeps training.
     */
    @Override
    public void close() {
        closed = true;
        watchdog.shutdownNow();
        WorkerConnection c = connection;
        if (c == null) {
            return;
        }
        c.markDead();
        c.shutdown();
        if (c.process != null) {
            c.process.destroy();
            try {
                if (!c.process.waitFor(15, TimeUnit.SECONDS)) {
                    c.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                c.process.destroyForcibly();
            }
        }
    }

    /** How long the worker may stay silent before it counts as gone (tests shorten or lengthen it). */
    void silence(Duration silence) {
        this.silenceMillis = silence.toMillis();
    }

    /** For tests: the run with this id as this client knows it. */
    synchronized RemoteRun run(String id) {
        RemoteRun run = runs.get(id);
        if (run == null) {
            throw new NoSuchElementException("no run with id '" + id + "'");
        }
        return run;
    }
}
