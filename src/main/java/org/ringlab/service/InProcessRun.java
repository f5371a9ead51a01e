package org.ringlab.service;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ringlab.config.RunConfig;
import org.ringlab.store.RunLock;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;

/** A run of the in-process service: its control, its history and its subscribers. */
final class InProcessRun extends AbstractRunHandle {
    private final DeviceInfo.Kind lane;
    private final Consumer<InProcessRun> onCancel;
    private final RunControl control = new RunControl();

    /** @param onCancel told (once, outside this run's lock) when the run is stopped while still queued */
    InProcessRun(String id, RunConfig config, Path directory, DeviceInfo.Kind lane, Consumer<InProcessRun> onCancel) {
        super(id, config.displayName(), config, directory, RunStatus.PENDING, "queued", new RunHistory());
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
        if (status() != RunStatus.PENDING) {
            return false;
        }
        setStatus(RunStatus.RUNNING, "starting");
        return true;
    }

    RunControl control() {
        return control;
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
            if (status() == RunStatus.PENDING) {
                events().onStatus(RunStatus.STOPPED, "cancelled while queued");
                cancelled = true;
            }
        }
        control.stop();
        if (cancelled) {
            onCancel.accept(this);
        }
    }
}
