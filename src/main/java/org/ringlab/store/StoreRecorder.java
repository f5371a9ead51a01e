package org.ringlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/**
 * Writes one run's events into the store as they come. Epochs, statuses and info lines are
 * committed at once; steps and snapshots, which can come hundreds of times a second, are collected
 * and committed together at the next of those events or at the latest {@link #FLUSH_MILLIS} after
 * they arrived (a background timer), so a killed process loses at most that fraction of a second
 * of steps and never anything from an epoch already reported.
 *
 * <p>A write that fails (disk full, database damaged) is reported once, as a {@link
 * StoreException} from the event that hit it, which ends the run with that message; the recorder
 * then stops writing, except for a best-effort final status.
 */
public final class StoreRecorder implements TrainingListener, AutoCloseable {
    /** The longest a received step waits before it is committed. */
    public static final long FLUSH_MILLIS = 250;
    /**
     * The most snapshot data (encoded, as stored) one run keeps: 64 MiB, about 6,000 snapshots of a
     * ResNet-20. Past it the run's snapshots are thinned to every other one (the first and the
     * latest always stay) and from then on only every 2nd (4th, ...) snapshot is stored, so the
     * store stays bounded however small {@code snapshot-every} is, and still spans the whole run.
     */
    public static final long SNAPSHOT_BUDGET_BYTES = 64L << 20;

    private final Connection connection;
    private final Path db;
    private final long runId;
    private final String owner;
    private final List<StepMetrics> pendingSteps = new ArrayList<>();
    private final List<PositionSnapshot> pendingSnapshots = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private int nextInfoSeq;
    private long snapshotBudget = SNAPSHOT_BUDGET_BYTES;
    private long snapshotBytes;
    /** Only every keepEvery-th snapshot is stored, once the budget was reached (a power of 2). */
    private int keepEvery = 1;
    private long snapshotsSeen;
    private StoreException failure;
    private boolean failureReported;
    private boolean closed;

    @SuppressWarnings("FutureReturnValueIgnored") // the periodic flush runs until close() shuts the executor down
    StoreRecorder(Connection connection, Path db, long runId, String owner) throws SQLException {
        this.connection = connection;
        this.db = db;
        this.runId = runId;
        this.owner = owner;
        try (PreparedStatement s = connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM info WHERE run_id = ?")) {
            s.setLong(1, runId);
            try (ResultSet r = s.executeQuery()) {
                nextInfoSeq = r.next() ? r.getInt(1) + 1 : 1;
            }
        }
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COALESCE(SUM(LENGTH(data)), 0) FROM snapshots WHERE run_id = ?")) {
            s.setLong(1, runId);
            try (ResultSet r = s.executeQuery()) {
                snapshotBytes = r.next() ? r.getLong(1) : 0;
            }
        }
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "run-store-flush-" + runId);
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    public long runId() {
        return runId;
    }

    @Override
    public synchronized void onStep(StepMetrics step) {
        if (usable()) {
            pendingSteps.add(step);
        }
    }

    @Override
    public synchronized void onSnapshot(PositionSnapshot snapshot) {
        if (usable() && snapshotsSeen++ % keepEvery == 0) {
            pendingSnapshots.add(snapshot);
        }
    }

    /** Replaces {@link #SNAPSHOT_BUDGET_BYTES} (tests reach the budget with a few snapshots). */
    synchronized StoreRecorder snapshotBudget(long bytes) {
        this.snapshotBudget = bytes;
        return this;
    }

    @Override
    public synchronized void onEpoch(EpochMetrics m) {
        write(() -> {
            writePending();
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO epochs (run_id, epoch, step, train_loss, "
                    + "train_acc, test_acc_soft, test_acc_snapped, test_acc_snapped_bn, lr, images_per_s, seconds, "
                    + "elapsed_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setLong(1, runId);
                s.setInt(2, m.epoch());
                s.setInt(3, m.step());
                real(s, 4, m.trainLoss());
                real(s, 5, m.trainAcc());
                real(s, 6, m.testAccSoft());
                real(s, 7, m.testAccSnapped());
                real(s, 8, m.testAccSnappedBn());
                real(s, 9, m.lr());
                real(s, 10, m.imagesPerSecond());
                real(s, 11, m.seconds());
                real(s, 12, m.elapsedSeconds());
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE runs SET elapsed_s = ?, updated_at = ? WHERE id = ?")) {
                s.setDouble(1, m.elapsedSeconds());
                s.setString(2, Instant.now().toString());
                s.setLong(3, runId);
                s.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void onStatus(RunStatus status, String message) {
        if (failure != null) {
            // the run ends because the store failed: record why if the database still takes it
            if (status.isTerminal()) {
                try {
                    connection.setAutoCommit(true);
                    Statuses.update(connection, runId, status, message, null);
                } catch (SQLException e) {
                    // the message reached the user through the run's outcome; the store cannot take it
                }
            }
            return;
        }
        write(() -> {
            writePending();
            Statuses.update(connection, runId, status, message, status == RunStatus.RUNNING ? owner : null);
        });
    }

    @Override
    public synchronized void onInfo(String message) {
        write(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO info (run_id, seq, message, logged_at) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, runId);
                s.setInt(2, nextInfoSeq);
                s.setString(3, message);
                s.setString(4, Instant.now().toString());
                s.executeUpdate();
            }
            nextInfoSeq++;
        });
    }

    /** Commits whatever steps and snapshots are waiting. */
    public synchronized void flush() {
        if (!pendingSteps.isEmpty() || !pendingSnapshots.isEmpty()) {
            write(this::writePending);
        }
    }

    private synchronized void flushQuietly() {
        if (closed || failure != null) {
            return;
        }
        try {
            flush();
        } catch (StoreException e) {
            // kept in failure; the training thread reports it with its next event
            failureReported = false;
        }
    }

    private void writePending() throws SQLException {
        if (!pendingSteps.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO steps (run_id, step, epoch, "
                    + "step_in_epoch, steps_per_epoch, loss, accuracy, lr) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StepMetrics m : pendingSteps) {
                    s.setLong(1, runId);
                    s.setInt(2, m.step());
                    s.setInt(3, m.epoch());
                    s.setInt(4, m.stepInEpoch());
                    s.setInt(5, m.stepsPerEpoch());
                    real(s, 6, m.loss());
                    real(s, 7, m.accuracy());
                    real(s, 8, m.lr());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        if (!pendingSnapshots.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO snapshots (run_id, step, epoch, epoch_progress, data) VALUES (?, ?, ?, ?, ?)")) {
                long added = 0;
                for (PositionSnapshot p : pendingSnapshots) {
                    byte[] data = SnapshotCodec.encode(p);
                    added += data.length;
                    s.setLong(1, runId);
                    s.setInt(2, p.step());
                    s.setInt(3, p.epoch());
                    s.setDouble(4, p.epochProgress());
                    s.setBytes(5, data);
                    s.addBatch();
                }
                s.executeBatch();
                snapshotBytes += added;
            }
            keepWithinBudget();
        }
        try (PreparedStatement s = connection.prepareStatement("UPDATE runs SET updated_at = ? WHERE id = ?")) {
            s.setString(1, Instant.now().toString());
            s.setLong(2, runId);
            s.executeUpdate();
        }
        pendingSteps.clear();
        pendingSnapshots.clear();
    }

    /** Thins the run's stored snapshots (every other one goes) until they fit the budget. */
    private void keepWithinBudget() throws SQLException {
        int before = keepEvery;
        while (snapshotBytes > snapshotBudget) {
            int deleted;
            try (PreparedStatement s = connection.prepareStatement("""
                    DELETE FROM snapshots WHERE run_id = ?1 AND step IN (
                      SELECT step FROM (SELECT step, ROW_NUMBER() OVER (ORDER BY step) AS n,
                                               COUNT(*) OVER () AS total
                                        FROM snapshots WHERE run_id = ?1)
                      WHERE n % 2 = 0 AND n < total)""")) {
                s.setLong(1, runId);
                deleted = s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT COALESCE(SUM(LENGTH(data)), 0) FROM snapshots WHERE run_id = ?")) {
                s.setLong(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    snapshotBytes = r.next() ? r.getLong(1) : 0;
                }
            }
            if (keepEvery < (1 << 30)) {
                keepEvery *= 2;
            }
            if (deleted == 0) {
                break; // the first and the latest alone exceed it: they stay
            }
        }
        if (keepEvery != before) {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO info (run_id, seq, message, logged_at) VALUES (?, ?, ?, ?)")) {
                s.setLong(1, runId);
                s.setInt(2, nextInfoSeq);
                s.setString(3, "the run's snapshots reached the store's budget of " + size(snapshotBudget)
                        + ": the stored ones were thinned, and only every " + ordinal(keepEvery)
                        + " snapshot is stored from now on");
                s.setString(4, Instant.now().toString());
                s.executeUpdate();
            }
            nextInfoSeq++;
        }
    }

    private static String size(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    @FunctionalInterface
    private interface Write {
        void run() throws SQLException;
    }

    /** One transaction; the first failure is thrown once, later events are dropped. */
    private void write(Write work) {
        if (!usable()) {
            return;
        }
        try {
            // keeps the first failure (a full disk), not what follows it
            Transactions.run(connection, () -> {
                work.run();
                return null;
            });
        } catch (SQLException e) {
            failure = Database.describe(db, e);
            failureReported = true;
            throw failure;
        }
    }

    /** False once a write failed; throws that failure if the training thread has not seen it yet. */
    private boolean usable() {
        if (failure == null && !closed) {
            return true;
        }
        if (failure != null && !failureReported) {
            failureReported = true;
            throw failure;
        }
        return false;
    }

    private static void real(PreparedStatement s, int index, double v) throws SQLException {
        if (Double.isNaN(v)) {
            s.setNull(index, java.sql.Types.REAL);
        } else {
            s.setDouble(index, v);
        }
    }

    /** Commits what is waiting (best effort) and releases the connection; never throws. */
    @Override
    public void close() {
        flusher.shutdownNow();
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                if (failure == null) {
                    flush();
                }
            } catch (StoreException e) {
                // the run's outcome is settled by now (its terminal status already flushed the
                // steps); a failure here must not replace it
            } finally {
                closed = true;
                try {
                    connection.close();
                } catch (SQLException e) {
                    // every write was committed or rolled back
                }
            }
        }
    }
}
