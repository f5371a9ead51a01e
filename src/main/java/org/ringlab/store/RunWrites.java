package org.ringlab.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.runstate.Owner;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/**
 * What {@link RunStore} writes outside a run's recording: new runs, statuses, the trainer claim,
 * getting a run ready to resume or restart, and deletion, each in one transaction. The caller
 * holds the store's lock.
 */
final class RunWrites {
    private static final String ACTIVE = "('pending', 'running', 'paused')";

    private final StoreConnection store;
    private final RunReads reads;
    private final Connection connection;
    private final Path db;
    private final String owner;

    RunWrites(StoreConnection store, RunReads reads) {
        this.store = store;
        this.reads = reads;
        this.connection = store.connection();
        this.db = store.db();
        this.owner = store.owner();
    }

    long createRun(RunConfig config, String name, String device) {
        String json = RunConfigJson.toJson(config);
        String label = name != null && !name.isBlank() ? name : config.name() != null ? config.name()
                : RunStore.defaultName(config);
        long id = store.transaction(() -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO runs (name, config_json, status, "
                    + "status_message, device, created_at, owner, updated_at) VALUES (?, ?, 'pending', 'queued', ?, ?, "
                    + "?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                String now = Instant.now().toString();
                s.setString(1, label);
                s.setString(2, json);
                s.setString(3, device == null ? "" : device);
                s.setString(4, now);
                s.setString(5, owner);
                s.setString(6, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        try {
            Files.createDirectories(store.runDirectory(id));
            RunConfigJson.write(config, store.runDirectory(id).resolve(RunRecorder.CONFIG));
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of run " + id + " in " + store.runDirectory(id).getParent()
                    + " (" + StoreOpening.reason(e) + ")", e);
        }
        return id;
    }

    void updateStatus(long id, RunStatus status, String message) {
        store.transaction(() -> {
            Statuses.update(connection, id, status, message, null);
            return null;
        });
    }

    void updateStatusElsewhere(long id, RunStatus status, String message, String where) {
        store.transaction(() -> {
            Statuses.update(connection, id, status, message, Owner.elsewhere(where));
            return null;
        });
    }

    List<Long> markAbandonedRunsInterrupted() {
        return store.transaction(() -> {
            List<Long> marked = new ArrayList<>();
            List<long[]> candidates = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery("SELECT id, owner FROM runs WHERE status IN " + ACTIVE)) {
                while (r.next()) {
                    candidates.add(new long[] {r.getLong(1)});
                    owners.add(r.getString(2));
                }
            }
            for (int i = 0; i < candidates.size(); i++) {
                if (!Owner.isAlive(owners.get(i))) {
                    long id = candidates.get(i)[0];
                    Statuses.update(connection, id, RunStatus.INTERRUPTED, RunReads.ABANDONED, null);
                    marked.add(id);
                }
            }
            return marked;
        });
    }

    boolean markInterrupted(long id, String message) {
        return store.transaction(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT 1 FROM runs WHERE id = ? AND status IN " + ACTIVE)) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return false;
                    }
                }
            }
            Statuses.update(connection, id, RunStatus.INTERRUPTED, message, null);
            return true;
        });
    }

    void lock(long id) {
        store.transaction(() -> {
            store.runRow(id, "SELECT trainer FROM runs WHERE id = ?", r -> {
                String holder = r.getString(1);
                if (holder != null && Owner.isAlive(holder)) {
                    throw new RunBusyException(id, holder);
                }
                return null;
            });
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE runs SET trainer = ?, trainer_since = ? WHERE id = ?")) {
                s.setString(1, owner);
                s.setString(2, Instant.now().toString());
                s.setLong(3, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    void unlock(long id) {
        try {
            store.transaction(() -> {
                try (PreparedStatement s = connection.prepareStatement(
                        "UPDATE runs SET trainer = NULL, trainer_since = NULL WHERE id = ? AND trainer = ?")) {
                    s.setLong(1, id);
                    s.setString(2, owner);
                    s.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            // a closed or failing store: the claim names this process and is broken once it is gone
        }
    }

    Path prepareResume(long id, boolean fromScratch) {
        Path ckpt = store.resumeCheckpoint(id);
        ResumeCheckpoint checkpoint = null;
        if (!fromScratch && Files.exists(ckpt)) {
            try {
                checkpoint = ResumeCheckpoint.read(ckpt);
            } catch (IOException e) {
                throw new StoreException("run " + id + " cannot resume: " + e.getMessage()
                        + " (restart it from step 0 with --from-scratch to keep its history as a superseded attempt)", e);
            }
        }
        ResumeCheckpoint from = checkpoint;
        Path[] renamed = new Path[2];
        try {
            store.transaction(() -> {
                store.runRow(id, "SELECT status, owner, trainer FROM runs WHERE id = ?", r -> {
                    RunStatus status = reads.status(id, r.getString(1));
                    String trainer = r.getString(3);
                    if (trainer != null && !trainer.equals(owner) && Owner.isAlive(trainer)) {
                        throw new RunBusyException(id, trainer);
                    }
                    if ((status == RunStatus.RUNNING || status == RunStatus.PAUSED)
                            && Owner.isAlive(r.getString(2))) {
                        throw new StoreException("run " + id + " is " + status.id() + " in a live process ("
                                + r.getString(2) + "); stop it before resuming it");
                    }
                    if (status == RunStatus.FINISHED) {
                        throw new StoreException("run " + id + " has finished all its epochs; there is nothing to "
                                + "resume");
                    }
                    return null;
                });
                String message;
                if (from == null) {
                    boolean history = store.count("SELECT (SELECT COUNT(*) FROM steps WHERE run_id = ?1) + (SELECT COUNT(*) "
                            + "FROM epochs WHERE run_id = ?1) + (SELECT COUNT(*) FROM snapshots WHERE run_id = ?1)", id)
                            > 0;
                    if (history && !fromScratch) {
                        throw new NoCheckpointException("run " + id + " has no checkpoint to resume from ("
                                + ckpt + " is missing); only an explicit restart from step 0 can continue it, which "
                                + "keeps its recorded history as a superseded attempt");
                    }
                    if (history || Files.exists(ckpt)) {
                        int attempt = supersede(id);
                        message = "restarting from step 0; attempt " + attempt + " is kept as superseded";
                        if (Files.exists(ckpt)) {
                            renamed[0] = ckpt;
                            renamed[1] = ckpt.resolveSibling("attempt-" + attempt + "." + RunStore.RESUME_CHECKPOINT);
                            moveFile(renamed[0], renamed[1]);
                        }
                    } else {
                        message = "starting over (no checkpoint yet)";
                    }
                } else {
                    for (String table : List.of("steps", "snapshots")) {
                        try (PreparedStatement d = connection.prepareStatement(
                                "DELETE FROM " + table + " WHERE run_id = ? AND step > ?")) {
                            d.setLong(1, id);
                            d.setInt(2, from.steps());
                            d.executeUpdate();
                        }
                    }
                    try (PreparedStatement d = connection.prepareStatement(
                            "DELETE FROM epochs WHERE run_id = ? AND epoch > ?")) {
                        d.setLong(1, id);
                        d.setInt(2, from.epochsDone());
                        d.executeUpdate();
                    }
                    message = "resuming after epoch " + from.epochsDone() + ", step " + from.steps();
                }
                Statuses.update(connection, id, RunStatus.PENDING, message, owner);
                return null;
            });
        } catch (RuntimeException e) {
            if (renamed[0] != null) {
                // the history was not superseded after all: its checkpoint goes back where it was
                try {
                    moveFile(renamed[1], renamed[0]);
                } catch (StoreException again) {
                    e.addSuppressed(again);
                }
            }
            if (e instanceof StoreException && e.getCause() instanceof SQLException) {
                // a database write failed (a full disk, say): say what it was for
                throw new StoreException("run " + id + " cannot " + (fromScratch ? "restart" : "resume") + ": "
                        + e.getMessage(), e.getCause());
            }
            throw e;
        }
        return from == null ? null : ckpt;
    }

    private static void moveFile(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("cannot rename " + from + " to " + to.getFileName() + " (" + StoreOpening.reason(e) + ")", e);
        }
    }

    /** Moves the run's recorded history to a new superseded attempt; returns its number. */
    private int supersede(long id) throws SQLException {
        int attempt = store.count("SELECT COALESCE(MAX(attempt), 0) + 1 FROM superseded_attempts WHERE run_id = ?", id);
        String now = Instant.now().toString();
        String epochColumns = "epoch, step, train_loss, train_acc, test_acc_soft, test_acc_snapped, "
                + "test_acc_snapped_bn, lr, images_per_s, seconds, elapsed_s";
        String stepColumns = "step, epoch, step_in_epoch, steps_per_epoch, loss, accuracy, lr";
        String snapshotColumns = "step, epoch, epoch_progress, data";
        List<String> sql = List.of(
                "INSERT INTO superseded_attempts (run_id, attempt, status, status_message, started_at, ended_at, "
                        + "elapsed_s, superseded_at) SELECT id, ?2, status, status_message, started_at, ended_at, "
                        + "elapsed_s, ?3 FROM runs WHERE id = ?1",
                "INSERT INTO superseded_epochs (run_id, attempt, " + epochColumns + ") SELECT run_id, ?2, "
                        + epochColumns + " FROM epochs WHERE run_id = ?1",
                "INSERT INTO superseded_steps (run_id, attempt, " + stepColumns + ") SELECT run_id, ?2, "
                        + stepColumns + " FROM steps WHERE run_id = ?1",
                "INSERT INTO superseded_snapshots (run_id, attempt, " + snapshotColumns + ") SELECT run_id, ?2, "
                        + snapshotColumns + " FROM snapshots WHERE run_id = ?1",
                "DELETE FROM epochs WHERE run_id = ?1",
                "DELETE FROM steps WHERE run_id = ?1",
                "DELETE FROM snapshots WHERE run_id = ?1",
                "UPDATE runs SET started_at = NULL, elapsed_s = 0 WHERE id = ?1",
                "INSERT INTO info (run_id, seq, message, logged_at) SELECT ?1, COALESCE(MAX(seq), 0) + 1, "
                        + "'restarted from step 0; the history recorded until then is kept as superseded attempt ' "
                        + "|| ?2, ?3 FROM info WHERE run_id = ?1");
        for (String statement : sql) {
            try (PreparedStatement s = connection.prepareStatement(statement)) {
                s.setLong(1, id);
                if (statement.contains("?2")) {
                    s.setInt(2, attempt);
                }
                if (statement.contains("?3")) {
                    s.setString(3, now);
                }
                s.executeUpdate();
            }
        }
        return attempt;
    }

    void deleteRun(long id) {
        store.transaction(() -> {
            store.runRow(id, "SELECT status, owner FROM runs WHERE id = ?", r -> {
                RunStatus status = reads.status(id, r.getString(1));
                if ((status == RunStatus.RUNNING || status == RunStatus.PAUSED) && Owner.isAlive(r.getString(2))) {
                    throw new StoreException("run " + id + " is " + status.id() + "; stop it before deleting it");
                }
                return null;
            });
            for (String table : List.of("steps", "epochs", "snapshots", "info", "superseded_steps",
                    "superseded_epochs", "superseded_snapshots", "superseded_attempts", "runs")) {
                try (PreparedStatement d = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE " + (table.equals("runs") ? "id" : "run_id") + " = ?")) {
                    d.setLong(1, id);
                    d.executeUpdate();
                }
            }
            return null;
        });
        Path dir = store.runDirectory(id);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new StoreException("run " + id + " is deleted from " + db + " but its folder " + dir
                        + " could not be removed completely (" + e.getMessage() + "); delete it by hand", e);
            }
        }
    }
}
