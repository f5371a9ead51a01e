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

    private final Connection connection;
    private final Path db;
    private final long runId;
    private final String owner;
    private final List<StepMetrics> pendingSteps = new ArrayList<>();
    private final List<PositionSnapshot> pendingSnapshots = new ArrayList<>();
    private final ScheduledExecutorService flusher;
    private int nextInfoSeq;
    private StoreException failure;
    private boolean failureReported;
    private boolean closed;

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
        if (usable()) {
            pendingSnapshots.add(snapshot);
        }
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
                for (PositionSnapshot p : pendingSnapshots) {
                    s.setLong(1, runId);
                    s.setInt(2, p.step());
                    s.setInt(3, p.epoch());
                    s.setDouble(4, p.epochProgress());
                    s.setBytes(5, SnapshotCodec.encode(p));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        try (PreparedStatement s = connection.prepareStatement("UPDATE runs SET updated_at = ? WHERE id = ?")) {
            s.setString(1, Instant.now().toString());
            s.setLong(2, runId);
            s.executeUpdate();
        }
        pendingSteps.clear();
        pendingSnapshots.clear();
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
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                RunStore.abandon(connection, e); // keeps the first failure (a full disk), not what follows it
                throw e;
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure = RunStore.describe(db, e);
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
