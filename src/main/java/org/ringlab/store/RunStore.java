package org.ringlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunNames;
import org.ringlab.train.RunStatus;

/**
 * Every run of a workspace, in one embedded SQLite database ({@code runs.db}) with each run's
 * files beside it in {@code runs/<id>/} (its config.json, its resumable checkpoint and, once
 * finished, its final parameters). Safe to use from several threads (one connection, serialised);
 * training writes through a {@link StoreRecorder} on a connection of its own, and other processes
 * may open the same workspace at the same time (SQLite's WAL mode and locks keep them consistent).
 *
 * <p>This class is the store's face; opening and migrating ({@link StoreOpening}), reading
 * ({@link RunReads}) and writing ({@link RunWrites}) live apart behind it, on the one connection
 * this class serialises. The schema, and how to read it from Python or R, is in docs/run-store.md.
 */
public final class RunStore implements AutoCloseable {
    /** The database file's name inside the workspace. */
    public static final String DATABASE = "runs.db";
    /** The resumable checkpoint's name inside a run's folder. */
    public static final String RESUME_CHECKPOINT = "resume.ckpt";

    private final StoreConnection store;
    private final RunReads reads;
    private final RunWrites writes;

    private RunStore(StoreConnection store) {
        this.store = store;
        this.reads = new RunReads(store);
        this.writes = new RunWrites(store, reads);
    }

    /** {@code ~/.ringlab/workspace}. */
    public static Path defaultWorkspace() {
        return Path.of(System.getProperty("user.home"), ".ringlab", "workspace");
    }

    /**
     * Opens the workspace's store, creating the folder and the database if needed and migrating an
     * older schema forward.
     *
     * @throws StoreException naming the folder or file when it cannot be created or written, is not
     *     a RingLab run store, is damaged, or was written by a newer RingLab
     */
    public static RunStore open(Path workspace) {
        return new RunStore(StoreOpening.open(workspace));
    }

    public Path workspace() {
        return store.workspace();
    }

    public Path databaseFile() {
        return store.db();
    }

    /** {@code runs/<id>} under the workspace. */
    public Path runDirectory(long id) {
        return store.runDirectory(id);
    }

    /** Where the run's resumable checkpoint is (or will be) written. */
    public Path resumeCheckpoint(long id) {
        return store.resumeCheckpoint(id);
    }

    /** Records a new pending run and creates its folder (with its config.json); returns its id. */
    public synchronized long createRun(RunConfig config, String name, String device) {
        return writes.createRun(config, name, device);
    }

    static String defaultName(RunConfig c) {
        return RunNames.storeName(c);
    }

    /** Every run, newest first. */
    public synchronized List<RunSummary> listRuns() {
        return reads.listRuns();
    }

    /** The run with every step. @throws StoreException when there is no such run */
    public StoredRun load(long id) {
        return load(id, Integer.MAX_VALUE);
    }

    /**
     * The run with at most about {@code maxSteps} steps: every k-th step (k chosen so), always
     * including the last one; epochs, snapshots and info lines are complete.
     */
    public synchronized StoredRun load(long id, int maxSteps) {
        return reads.load(id, maxSteps);
    }

    /** The run's configuration. @throws StoreException when there is no such run */
    public synchronized RunConfig config(long id) {
        return reads.config(id);
    }

    public synchronized RunStatus status(long id) {
        return reads.status(id);
    }

    /** The attempts a restart from step 0 superseded, oldest first, with their recorded epochs. */
    public synchronized List<SupersededAttempt> supersededAttempts(long id) {
        return reads.supersededAttempts(id);
    }

    /** Whether the run has recorded any step, epoch or snapshot. */
    public synchronized boolean hasHistory(long id) {
        return reads.hasHistory(id);
    }

    /** Sets a run's status and message (e.g. a queued run the service cancels). */
    public synchronized void updateStatus(long id, RunStatus status, String message) {
        writes.updateStatus(id, status, message);
    }

    /**
     * Sets the status of a run that another machine trains (a Slurm task whose folder is imported):
     * its owner becomes {@code where}, which {@link #markAbandonedRunsInterrupted} never takes for a
     * dead process of this machine, so an imported running run stays running until the next import.
     */
    public synchronized void updateStatusElsewhere(long id, RunStatus status, String message, String where) {
        writes.updateStatusElsewhere(id, status, message, where);
    }

    /**
     * Marks as {@link RunStatus#INTERRUPTED} every run left pending, running or paused by a
     * process that no longer exists on this machine (killed, crashed, powered off). Runs owned by
     * a live process, or by a process on another machine (a shared folder), are left alone.
     *
     * @return the ids marked
     */
    public synchronized List<Long> markAbandonedRunsInterrupted() {
        return writes.markAbandonedRunsInterrupted();
    }

    /** Marks one run interrupted if it is pending, running or paused, whoever owns it. */
    public synchronized boolean markInterrupted(long id, String message) {
        return writes.markInterrupted(id, message);
    }

    /**
     * Claims run {@code id} for training by this process, until the returned lock is closed: the
     * one guard that keeps two trainers (threads of one worker, or two processes) off the same run.
     * A claim left by a process that no longer exists on this machine is broken; one held by a live
     * process, this one included, is refused.
     *
     * @throws RunBusyException naming the process that holds the run
     * @throws StoreException when there is no such run
     */
    public synchronized RunLock lock(long id) {
        writes.lock(id);
        return new RunLock(this, id);
    }

    /** Releases this process's claim on a run; never throws (a claim left behind is broken later). */
    synchronized void unlock(long id) {
        writes.unlock(id);
    }

    /** Like {@link #prepareResume(long, boolean)} without a restart from scratch. */
    public Path prepareResume(long id) {
        return prepareResume(id, false);
    }

    /**
     * Gets a run ready to continue from its resumable checkpoint: drops whatever it recorded after
     * that checkpoint (the steps of a half-done epoch, which training will redo), so its history
     * stays continuous, and sets it pending.
     *
     * <p>A run with no checkpoint (it died before its first one, or the file was removed) cannot
     * continue: if it has recorded history, that is refused unless {@code fromScratch} asks to
     * restart it from step 0. A restart never deletes history: what the run recorded moves to the
     * {@code superseded_*} tables as a numbered attempt ({@link #supersededAttempts}), and a
     * checkpoint it had is renamed {@code attempt-N.resume.ckpt}.
     *
     * @return the checkpoint to hand to {@code Trainer.resumeFrom}, or null to start from step 0
     * @throws NoCheckpointException when the run has history, no checkpoint and {@code fromScratch}
     *     is false
     * @throws RunBusyException when another process trains the run
     * @throws StoreException when the run is active in a live process, or its checkpoint is damaged
     */
    public synchronized Path prepareResume(long id, boolean fromScratch) {
        return writes.prepareResume(id, fromScratch);
    }

    /**
     * Deletes a run's rows and its folder; no other run is touched.
     *
     * @throws StoreException when it is running or paused in a live process, or its folder cannot
     *     be removed (its rows are gone by then; the message names what is left)
     */
    public synchronized void deleteRun(long id) {
        writes.deleteRun(id);
    }

    /** Starts recording a run's events (on a connection of its own); close it when the run ends. */
    public StoreRecorder recorder(long id) {
        status(id); // fails early for an unknown run
        try {
            Connection c = Database.connect(store.db());
            Database.applySettings(c);
            return new StoreRecorder(c, store.db(), id, store.owner());
        } catch (SQLException e) {
            throw Database.describe(store.db(), e);
        }
    }

    /** SQLite's full integrity check: "ok", or the problems it found. */
    public synchronized String integrityCheck() {
        return store.query(() -> Database.check(store.connection(), "integrity_check"));
    }

    /** The schema version of the open database ({@code PRAGMA user_version}). */
    public synchronized int schemaVersion() {
        return store.query(() -> Database.pragmaInt(store.connection(), "user_version"));
    }

    @Override
    public synchronized void close() {
        StoreConnection.close(store.connection());
    }
}
