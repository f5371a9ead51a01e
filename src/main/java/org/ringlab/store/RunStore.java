package org.ringlab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
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
import java.util.Locale;
import java.util.stream.Stream;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.io.Printable;
import org.ringlab.runstate.Owner;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;

/**
 * Every run of a workspace, in one embedded SQLite database ({@code runs.db}) with each run's
 * files beside it in {@code runs/<id>/} (its config.json, its resumable checkpoint and, once
 * finished, its final parameters). Safe to use from several threads (one connection, serialised);
 * training writes through a {@link StoreRecorder} on a connection of its own, and other processes
 * may open the same workspace at the same time (SQLite's WAL mode and locks keep them consistent).
 *
 * <p>The schema, and how to read it from Python or R, is in docs/run-store.md.
 */
public final class RunStore implements AutoCloseable {
    /** The database file's name inside the workspace. */
    public static final String DATABASE = "runs.db";
    /** The resumable checkpoint's name inside a run's folder. */
    public static final String RESUME_CHECKPOINT = "resume.ckpt";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTIVE = "('pending', 'running', 'paused')";
    private static final String ABANDONED = "interrupted: the process recording it ended without finishing it; "
            + "resumable from its last checkpoint";

    private final Path workspace;
    private final Path db;
    private final Connection connection;
    private final String owner;

    private RunStore(Path workspace, Path db, Connection connection) {
        this.workspace = workspace;
        this.db = db;
        this.connection = connection;
        this.owner = Owner.current();
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
        Path ws = workspace.toAbsolutePath().normalize();
        if (Files.exists(ws) && !Files.isDirectory(ws)) {
            throw new StoreException("the workspace " + ws + " is a file, not a folder; choose a writable folder "
                    + "for the run store");
        }
        try {
            Files.createDirectories(ws.resolve("runs"));
        } catch (IOException e) {
            throw new StoreException("cannot create the workspace folder " + ws + " (" + reason(e) + "); choose a "
                    + "writable folder for the run store", e);
        }
        if (!Files.isWritable(ws)) {
            throw new StoreException("the workspace " + ws + " is read-only; choose a writable folder for the run store");
        }
        Path db = ws.resolve(DATABASE);
        if (Files.isDirectory(db)) {
            throw new StoreException("the run store " + db + " is a folder, not a database file; move it away");
        }
        if (Files.exists(db)) {
            if (!Files.isWritable(db)) {
                throw new StoreException("the run store " + db + " is read-only; make it writable or choose another "
                        + "workspace folder");
            }
            Database.checkHeader(db);
        }
        Connection c = null;
        try {
            c = Database.connect(db);
            prepare(c, db);
            Database.applySettings(c);
            return new RunStore(ws, db, c);
        } catch (SQLException e) {
            close(c);
            throw describe(db, e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    private static void prepare(Connection c, Path db) throws SQLException {
        int appId = Database.pragmaInt(c, "application_id");
        int version = Database.pragmaInt(c, "user_version");
        if (appId == 0) {
            List<String> tables = Database.tables(c);
            if (!tables.isEmpty()) {
                throw new StoreException("the run store " + db + " is an SQLite database of something else (tables: "
                        + String.join(", ", tables) + "), not a RingLab run store; choose another workspace folder");
            }
            version = 0;
        } else if (appId != Schema.APPLICATION_ID) {
            throw new StoreException("the run store " + db + " is an SQLite database of another application (id "
                    + Integer.toHexString(appId) + "), not a RingLab run store; choose another workspace folder");
        }
        if (version > Schema.CURRENT) {
            throw new StoreException("the run store " + db + " has schema version " + version + ", written by a newer "
                    + "RingLab; this one reads up to version " + Schema.CURRENT + ": update RingLab");
        }
        if (version > 0) {
            String check = Database.check(c, "quick_check");
            if (!"ok".equals(check)) {
                throw new StoreException("the run store " + db + " is damaged (" + check + "); move it away to start a "
                        + "new one (the checkpoints under runs/ stay usable)");
            }
        }
        Schema.migrate(c, version);
    }

    static StoreException describe(Path db, SQLException e) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("notadb") || lower.contains("not a database")) {
            return new StoreException("the run store " + db + " is not an SQLite database or is damaged (" + m
                    + "); move it away or choose another workspace folder", e);
        }
        if (lower.contains("corrupt") || lower.contains("malformed")) {
            return new StoreException("the run store " + db + " is damaged (" + m + "); move it away to start a new "
                    + "one (the checkpoints under runs/ stay usable)", e);
        }
        if (lower.contains("readonly") || lower.contains("read-only") || lower.contains("cantopen")
                || lower.contains("unable to open")) {
            return new StoreException("cannot write the run store " + db + " (" + m + "); choose a writable folder for "
                    + "the workspace", e);
        }
        if (lower.contains("full") || lower.contains("no space")) {
            return new StoreException("cannot write the run store " + db + ": the disk is full (" + m + ")", e);
        }
        return new StoreException("the run store " + db + ": " + m, e);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((FileSystemException) e).getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    public Path workspace() {
        return workspace;
    }

    public Path databaseFile() {
        return db;
    }

    /** {@code runs/<id>} under the workspace. */
    public Path runDirectory(long id) {
        return workspace.resolve("runs").resolve(Long.toString(id));
    }

    /** Where the run's resumable checkpoint is (or will be) written. */
    public Path resumeCheckpoint(long id) {
        return runDirectory(id).resolve(RESUME_CHECKPOINT);
    }

    /** Records a new pending run and creates its folder (with its config.json); returns its id. */
    public synchronized long createRun(RunConfig config, String name, String device) {
        String json = RunConfigJson.toJson(config);
        String label = name != null && !name.isBlank() ? name : config.name() != null ? config.name()
                : defaultName(config);
        long id = transaction(() -> {
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
            Files.createDirectories(runDirectory(id));
            RunConfigJson.write(config, runDirectory(id).resolve(RunRecorder.CONFIG));
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of run " + id + " in " + runDirectory(id).getParent()
                    + " (" + reason(e) + ")", e);
        }
        return id;
    }

    private static String defaultName(RunConfig c) {
        String method = c.usesRing() ? c.ringType().id() + c.ringSize() : c.method().key();
        return c.model().key() + " " + method;
    }

    /** Every run, newest first. */
    public synchronized List<RunSummary> listRuns() {
        return query(() -> {
            List<RunSummary> out = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("""
                    SELECT r.id, r.name, r.config_json, r.status, r.status_message, r.device, r.created_at,
                           (SELECT COUNT(*) FROM epochs e WHERE e.run_id = r.id) AS epochs_done,
                           e.test_acc_soft, e.test_acc_snapped, e.test_acc_snapped_bn, r.owner
                    FROM runs r LEFT JOIN epochs e ON e.run_id = r.id
                         AND e.epoch = (SELECT MAX(epoch) FROM epochs WHERE run_id = r.id)
                    ORDER BY r.id DESC""")) {
                while (r.next()) {
                    long id = r.getLong(1);
                    String name = r.getString(2);
                    try {
                        JsonNode config = configTree(r.getString(3));
                        RunStatus recorded = status(id, r.getString(4));
                        RunStatus status = seen(recorded, r.getString(12));
                        String message = status == recorded ? r.getString(5) : ABANDONED;
                        out.add(new RunSummary(id, name, config.path("method").asText(""),
                                config.path("model").asText(""), status, message,
                                r.getString(6), r.getInt(8), config.path("epochs").asInt(0), real(r, 9), real(r, 10),
                                real(r, 11), instant(id, "created_at", r.getString(7)), null));
                    } catch (StoreException e) {
                        // one damaged row is listed as such; the others stay readable
                        out.add(RunSummary.unreadable(id, name, e.getMessage()));
                    }
                }
            }
            return out;
        });
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
        return query(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT name, config_json, status, status_message, "
                    + "device, created_at, started_at, ended_at, elapsed_s, owner FROM runs WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("no run " + id + " in " + db);
                    }
                    String configJson = r.getString(2);
                    RunConfig config = parseConfig(id, configJson);
                    int totalSteps = count("SELECT COUNT(*) FROM steps WHERE run_id = ?", id);
                    Path ckpt = resumeCheckpoint(id);
                    RunStatus recorded = status(id, r.getString(3));
                    RunStatus status = seen(recorded, r.getString(10));
                    String message = status == recorded ? r.getString(4) : ABANDONED;
                    return new StoredRun(id, r.getString(1), config, configJson, status,
                            message, r.getString(5), instant(id, "created_at", r.getString(6)),
                            instant(id, "started_at", r.getString(7)), instant(id, "ended_at", r.getString(8)),
                            r.getDouble(9), epochs(id), steps(id, totalSteps, maxSteps),
                            totalSteps, snapshots(id), info(id), runDirectory(id), Files.isRegularFile(ckpt) ? ckpt : null);
                }
            }
        });
    }

    /** The run's configuration. @throws StoreException when there is no such run */
    public synchronized RunConfig config(long id) {
        return query(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT config_json FROM runs WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("no run " + id + " in " + db);
                    }
                    return parseConfig(id, r.getString(1));
                }
            }
        });
    }

    public synchronized RunStatus status(long id) {
        return query(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT status, owner FROM runs WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("no run " + id + " in " + db);
                    }
                    return seen(status(id, r.getString(1)), r.getString(2));
                }
            }
        });
    }

    /** Sets a run's status and message (e.g. a queued run the service cancels). */
    public synchronized void updateStatus(long id, RunStatus status, String message) {
        transaction(() -> {
            Statuses.update(connection, id, status, message, null);
            return null;
        });
    }

    /**
     * Sets the status of a run that another machine trains (a Slurm task whose folder is imported):
     * its owner becomes {@code where}, which {@link #markAbandonedRunsInterrupted} never takes for a
     * dead process of this machine, so an imported running run stays running until the next import.
     */
    public synchronized void updateStatusElsewhere(long id, RunStatus status, String message, String where) {
        transaction(() -> {
            Statuses.update(connection, id, status, message, Owner.elsewhere(where));
            return null;
        });
    }

    /**
     * Marks as {@link RunStatus#INTERRUPTED} every run left pending, running or paused by a
     * process that no longer exists on this machine (killed, crashed, powered off). Runs owned by
     * a live process, or by a process on another machine (a shared folder), are left alone.
     *
     * @return the ids marked
     */
    public synchronized List<Long> markAbandonedRunsInterrupted() {
        return transaction(() -> {
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
                    Statuses.update(connection, id, RunStatus.INTERRUPTED, ABANDONED, null);
                    marked.add(id);
                }
            }
            return marked;
        });
    }

    /** Marks one run interrupted if it is pending, running or paused, whoever owns it. */
    public synchronized boolean markInterrupted(long id, String message) {
        return transaction(() -> {
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
        transaction(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT trainer FROM runs WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("no run " + id + " in " + db);
                    }
                    String holder = r.getString(1);
                    if (holder != null && Owner.isAlive(holder)) {
                        throw new RunBusyException(id, holder);
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE runs SET trainer = ?, trainer_since = ? WHERE id = ?")) {
                s.setString(1, owner);
                s.setString(2, Instant.now().toString());
                s.setLong(3, id);
                s.executeUpdate();
            }
            return null;
        });
        return new RunLock(this, id);
    }

    /** Releases this process's claim on a run; never throws (a claim left behind is broken later). */
    synchronized void unlock(long id) {
        try {
            transaction(() -> {
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
        Path ckpt = resumeCheckpoint(id);
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
            transaction(() -> {
                try (PreparedStatement s = connection.prepareStatement(
                        "SELECT status, owner, trainer FROM runs WHERE id = ?")) {
                    s.setLong(1, id);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            throw new StoreException("no run " + id + " in " + db);
                        }
                        RunStatus status = status(id, r.getString(1));
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
                    }
                }
                String message;
                if (from == null) {
                    boolean history = count("SELECT (SELECT COUNT(*) FROM steps WHERE run_id = ?1) + (SELECT COUNT(*) "
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
                            renamed[1] = ckpt.resolveSibling("attempt-" + attempt + "." + RESUME_CHECKPOINT);
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
            throw new StoreException("cannot rename " + from + " to " + to.getFileName() + " (" + reason(e) + ")", e);
        }
    }

    /** Moves the run's recorded history to a new superseded attempt; returns its number. */
    private int supersede(long id) throws SQLException {
        int attempt = count("SELECT COALESCE(MAX(attempt), 0) + 1 FROM superseded_attempts WHERE run_id = ?", id);
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

    /** The attempts a restart from step 0 superseded, oldest first, with their recorded epochs. */
    public synchronized List<SupersededAttempt> supersededAttempts(long id) {
        return query(() -> {
            List<SupersededAttempt> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("SELECT attempt, status, status_message, "
                    + "superseded_at, (SELECT COUNT(*) FROM superseded_steps t WHERE t.run_id = a.run_id AND "
                    + "t.attempt = a.attempt), (SELECT COUNT(*) FROM superseded_snapshots t WHERE t.run_id = a.run_id "
                    + "AND t.attempt = a.attempt) FROM superseded_attempts a WHERE run_id = ? ORDER BY attempt")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int attempt = r.getInt(1);
                        out.add(new SupersededAttempt(attempt, status(id, r.getString(2)), r.getString(3),
                                instant(id, "superseded_at", r.getString(4)), supersededEpochs(id, attempt),
                                r.getInt(5), r.getInt(6)));
                    }
                }
            }
            return out;
        });
    }

    private List<EpochMetrics> supersededEpochs(long id, int attempt) throws SQLException {
        List<EpochMetrics> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT epoch, step, train_loss, train_acc, "
                + "test_acc_soft, test_acc_snapped, test_acc_snapped_bn, lr, images_per_s, seconds, elapsed_s "
                + "FROM superseded_epochs WHERE run_id = ? AND attempt = ? ORDER BY epoch")) {
            s.setLong(1, id);
            s.setInt(2, attempt);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new EpochMetrics(r.getInt(1), r.getInt(2), real(r, 3), real(r, 4), real(r, 5), real(r, 6),
                            real(r, 7), real(r, 8), real(r, 9), real(r, 10), real(r, 11)));
                }
            }
        }
        return out;
    }

    /** Whether the run has recorded any step, epoch or snapshot. */
    public synchronized boolean hasHistory(long id) {
        return query(() -> count("SELECT (SELECT COUNT(*) FROM steps WHERE run_id = ?1) + (SELECT COUNT(*) FROM "
                + "epochs WHERE run_id = ?1) + (SELECT COUNT(*) FROM snapshots WHERE run_id = ?1)", id) > 0);
    }

    /**
     * Deletes a run's rows and its folder; no other run is touched.
     *
     * @throws StoreException when it is running or paused in a live process, or its folder cannot
     *     be removed (its rows are gone by then; the message names what is left)
     */
    public synchronized void deleteRun(long id) {
        transaction(() -> {
            try (PreparedStatement s = connection.prepareStatement("SELECT status, owner FROM runs WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("no run " + id + " in " + db);
                    }
                    RunStatus status = status(id, r.getString(1));
                    if ((status == RunStatus.RUNNING || status == RunStatus.PAUSED) && Owner.isAlive(r.getString(2))) {
                        throw new StoreException("run " + id + " is " + status.id() + "; stop it before deleting it");
                    }
                }
            }
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
        Path dir = runDirectory(id);
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

    /** Starts recording a run's events (on a connection of its own); close it when the run ends. */
    public StoreRecorder recorder(long id) {
        status(id); // fails early for an unknown run
        try {
            Connection c = Database.connect(db);
            Database.applySettings(c);
            return new StoreRecorder(c, db, id, owner);
        } catch (SQLException e) {
            throw describe(db, e);
        }
    }

    /** SQLite's full integrity check: "ok", or the problems it found. */
    public synchronized String integrityCheck() {
        return query(() -> Database.check(connection, "integrity_check"));
    }

    /** The schema version of the open database ({@code PRAGMA user_version}). */
    public synchronized int schemaVersion() {
        return query(() -> Database.pragmaInt(connection, "user_version"));
    }

    @Override
    public synchronized void close() {
        close(connection);
    }

    private List<EpochMetrics> epochs(long id) throws SQLException {
        List<EpochMetrics> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT epoch, step, train_loss, train_acc, "
                + "test_acc_soft, test_acc_snapped, test_acc_snapped_bn, lr, images_per_s, seconds, elapsed_s "
                + "FROM epochs WHERE run_id = ? ORDER BY epoch")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new EpochMetrics(r.getInt(1), r.getInt(2), real(r, 3), real(r, 4), real(r, 5), real(r, 6),
                            real(r, 7), real(r, 8), real(r, 9), real(r, 10), real(r, 11)));
                }
            }
        }
        return out;
    }

    private List<StepMetrics> steps(long id, int total, int maxSteps) throws SQLException {
        int every = maxSteps <= 0 || total <= maxSteps ? 1 : (total + maxSteps - 1) / maxSteps;
        List<StepMetrics> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT step, epoch, step_in_epoch, steps_per_epoch, "
                + "loss, accuracy, lr FROM steps WHERE run_id = ? AND (step % ? = 0 OR step = "
                + "(SELECT MAX(step) FROM steps WHERE run_id = ?)) ORDER BY step")) {
            s.setLong(1, id);
            s.setInt(2, every);
            s.setLong(3, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new StepMetrics(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), real(r, 5), real(r, 6),
                            real(r, 7)));
                }
            }
        }
        return out;
    }

    private List<PositionSnapshot> snapshots(long id) throws SQLException {
        List<PositionSnapshot> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT step, data FROM snapshots WHERE run_id = ? ORDER BY step")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    try {
                        out.add(SnapshotCodec.decode(r.getBytes(2)));
                    } catch (IOException e) {
                        throw new StoreException("the snapshot of run " + id + " at step " + r.getInt(1) + " in " + db
                                + " cannot be read (" + e.getMessage() + ")", e);
                    }
                }
            }
        }
        return out;
    }

    private List<String> info(long id) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT message FROM info WHERE run_id = ? ORDER BY seq")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private int count(String sql, long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    static double real(ResultSet r, int column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? Double.NaN : v;
    }

    private Instant instant(long id, String column, String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new StoreException("run " + id + " in " + db + " has an unreadable " + column + " '"
                    + Printable.shown(String.valueOf(text), 60) + "'");
        }
    }

    private RunStatus status(long id, String text) {
        try {
            return status(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("run " + id + " in " + db + " has an unknown status '" + Printable.shown(String.valueOf(text), 60)
                    + "'");
        }
    }

    /**
     * The status as anyone should see it: a pending, running or paused run whose recording process
     * is gone (killed, out of memory, a native abort) reads as interrupted at once, before
     * {@link #markAbandonedRunsInterrupted} writes it down.
     */
    private static RunStatus seen(RunStatus status, String owner) {
        boolean active = status == RunStatus.PENDING || status == RunStatus.RUNNING || status == RunStatus.PAUSED;
        return active && !Owner.isAlive(owner) ? RunStatus.INTERRUPTED : status;
    }

    static RunStatus status(String id) {
        return RunStatus.valueOf(id.toUpperCase(Locale.ROOT));
    }

    private RunConfig parseConfig(long id, String json) {
        try {
            return RunConfigJson.fromJson(json);
        } catch (InvalidConfigException e) {
            throw new StoreException("the configuration of run " + id + " in " + db + " cannot be read by this "
                    + "RingLab (" + String.join("; ", e.problems()) + ")", e);
        }
    }

    private static JsonNode configTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T query(Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw describe(db, e);
        }
    }

    private <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                abandon(connection, e);
                throw e;
            }
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            throw describe(db, e);
        }
    }

    /**
     * Rolls back after {@code failure} and returns to auto-commit, keeping {@code failure} as the
     * reason: after SQLITE_FULL (or an I/O error) SQLite has often rolled the transaction back
     * itself, and the rollback and commit that follow fail with "no transaction is active", which
     * must not replace the real cause.
     */
    static void abandon(Connection c, Exception failure) {
        try {
            c.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to save: every write was committed or rolled back
            }
        }
    }
}
