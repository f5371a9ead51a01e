package org.ringlab.service;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ringlab.config.RunConfig;
import org.ringlab.store.RunLock;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/** A run of the in-process service: its control, its history and its subscribers. */
final class InProcessRun implements RunHandle {
    private final String id;
    private final RunConfig config;
    private final Path directory;
    private final DeviceInfo.Kind lane;
    private final Consumer<InProcessRun> onCancel;
    private final RunControl control = new RunControl();
    private final RunHistory history = new RunHistory();
    // the first listener keeps this handle's status; subscribers follow
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>(List.of(new TrainingListener() {
        @Override
        public void onStatus(RunStatus s, String m) {
            status = s;
            message = m;
        }
    }));
    private final TrainingListener events = Listeners.over(listeners);
    private volatile RunStatus status = RunStatus.PENDING;
    private volatile String message = "queued";

    /** @param onCancel told (once, outside this run's lock) when the run is stopped while still queued */
    InProcessRun(String id, RunConfig config, Path directory, DeviceInfo.Kind lane, Consumer<InProcessRun> onCancel) {
        this.id = id;
        this.config = config;
        this.directory = directory;
        this.lane = lane;
        this.onCancel = onCancel;
    }

    private volatile org.ringlab.store.StoredRun resumedFrom;
    private volatile RunLock lock;
    private final CountDownLatch released = new CountDownLatch(1);

    /** The store's claim on this run, held from acceptance until the run has ended. */
    void holding(RunLock claim) {
        this.lock = claim;
    }

    RunLock lock() {
        return lock;
    }

    /** Releases the run's claim once it has ended (or never started); idempotent. */
    void releaseLock() {
        RunLock claim = lock;
        if (claim != null) {
            claim.close();
        }
        released.countDown();
    }

    /** Waits until {@link #releaseLock} ran (an ended run's thread is still writing its last files). */
    boolean awaitReleased(long seconds) throws InterruptedException {
        return released.await(seconds, TimeUnit.SECONDS);
    }

    /** Marks this run as the continuation of a stored one (its kept history). */
    void resumingFrom(org.ringlab.store.StoredRun before) {
        this.resumedFrom = before;
    }

    /** The stored history this run continues, or null for a fresh run. */
    org.ringlab.store.StoredRun resumedFrom() {
        return resumedFrom;
    }

    /** The device queue this run waits in. */
    DeviceInfo.Kind lane() {
        return lane;
    }

    /** Called on the training thread; false when the run was stopped before it began. */
    synchronized boolean start() {
        if (status != RunStatus.PENDING) {
            return false;
        }
        status = RunStatus.RUNNING;
        message = "starting";
        return true;
    }

    RunControl control() {
        return control;
    }

    TrainingListener events() {
        return events;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return config.displayName();
    }

    @Override
    public RunConfig config() {
        return config;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public RunStatus status() {
        return status;
    }

    @Override
    public String statusMessage() {
        return message;
    }

    @Override
    public void pause() {
        control.pause();
    }

    @Override
    public void resume() {
        control.resume();
    }

    @Override
    public void step() {
        control.step();
    }

    @Override
    public void stop() {
        boolean cancelled = false;
        synchronized (this) {
            if (status == RunStatus.PENDING) {
                status = RunStatus.STOPPED;
                message = "cancelled while queued";
                events.onStatus(status, message);
                cancelled = true;
            }
        }
        control.stop();
        if (cancelled) {
            onCancel.accept(this);
        }
    }

    @Override
    public void addListener(TrainingListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(TrainingListener listener) {
        listeners.remove(listener);
    }

    @Override
    public RunHistory history() {
        return history;
    }
}
