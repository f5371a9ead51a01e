package org.ringlab.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.io.Printable;
import org.ringlab.runstate.Owner;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;

/**
 * What {@link RunStore} reads: runs, their history and superseded attempts, decoded from rows with
 * a message naming the run and the column for a row this RingLab cannot read. The caller holds
 * the store's lock.
 */
final class RunReads {
    static final String ABANDONED = "interrupted: the process recording it ended without finishing it; "
            + "resumable from its last checkpoint";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StoreConnection store;
    private final Connection connection;
    private final Path db;

    RunReads(StoreConnection store) {
        this.store = store;
        this.connection = store.connection();
        this.db = store.db();
    }

    List<RunSummary> listRuns() {
        return store.query(() -> {
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

    StoredRun load(long id, int maxSteps) {
        return store.query(() -> {
            return store.runRow(id, "SELECT name, config_json, status, status_message, "
                    + "device, created_at, started_at, ended_at, elapsed_s, owner FROM runs WHERE id = ?", r -> {
                String configJson = r.getString(2);
                RunConfig config = parseConfig(id, configJson);
                int totalSteps = store.count("SELECT COUNT(*) FROM steps WHERE run_id = ?", id);
                Path ckpt = store.resumeCheckpoint(id);
                RunStatus recorded = status(id, r.getString(3));
                RunStatus status = seen(recorded, r.getString(10));
                String message = status == recorded ? r.getString(4) : ABANDONED;
                return new StoredRun(id, r.getString(1), config, configJson, status,
                        message, r.getString(5), instant(id, "created_at", r.getString(6)),
                        instant(id, "started_at", r.getString(7)), instant(id, "ended_at", r.getString(8)),
                        r.getDouble(9), epochs(id), steps(id, totalSteps, maxSteps),
                        totalSteps, snapshots(id), info(id), store.runDirectory(id), Files.isRegularFile(ckpt) ? ckpt : null);
            });
        });
    }

    RunConfig config(long id) {
        return store.query(() -> {
            return store.runRow(id, "SELECT config_json FROM runs WHERE id = ?", r -> parseConfig(id, r.getString(1)));
        });
    }

    RunStatus status(long id) {
        return store.query(() -> {
            return store.runRow(id, "SELECT status, owner FROM runs WHERE id = ?",
                    r -> seen(status(id, r.getString(1)), r.getString(2)));
        });
    }

    List<SupersededAttempt> supersededAttempts(long id) {
        return store.query(() -> {
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

    boolean hasHistory(long id) {
        return store.query(() -> store.count("SELECT (SELECT COUNT(*) FROM steps WHERE run_id = ?1) + (SELECT COUNT(*) FROM "
                + "epochs WHERE run_id = ?1) + (SELECT COUNT(*) FROM snapshots WHERE run_id = ?1)", id) > 0);
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

    RunStatus status(long id, String text) {
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
     * {@link RunStore#markAbandonedRunsInterrupted} writes it down.
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
}
