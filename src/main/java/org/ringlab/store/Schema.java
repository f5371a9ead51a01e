package org.ringlab.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The store's tables, as ordered migrations: {@code PRAGMA user_version} is the number of
 * migrations applied. A database is only ever migrated forward, each step in its own transaction,
 * so data written by an older RingLab is kept (never dropped and recreated). docs/run-store.md
 * describes the current tables.
 */
final class Schema {
    /** {@code PRAGMA application_id}: "RLAB", tells a RingLab store from any other SQLite file. */
    static final int APPLICATION_ID = 0x524C4142;

    /** The columns of a run's epochs, after its run_id (and, once superseded, its attempt). */
    private static final String EPOCH_COLUMNS = """
              epoch INTEGER NOT NULL,
              step INTEGER NOT NULL,
              train_loss REAL,
              train_acc REAL,
              test_acc_soft REAL,
              test_acc_snapped REAL,
              test_acc_snapped_bn REAL,
              lr REAL,
              images_per_s REAL,
              seconds REAL,
              elapsed_s REAL,
            """;
    private static final String STEP_COLUMNS = """
              step INTEGER NOT NULL,
              epoch INTEGER NOT NULL,
              step_in_epoch INTEGER NOT NULL,
              steps_per_epoch INTEGER NOT NULL,
              loss REAL,
              accuracy REAL,
              lr REAL,
            """;
    private static final String SNAPSHOT_COLUMNS = """
              step INTEGER NOT NULL,
              epoch INTEGER NOT NULL,
              epoch_progress REAL NOT NULL,
              data BLOB NOT NULL,
            """;

    private static final List<List<String>> MIGRATIONS = List.of(
            // v1: runs and their recorded history
            List.of("""
                    CREATE TABLE runs (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      name TEXT NOT NULL,
                      config_json TEXT NOT NULL,
                      status TEXT NOT NULL,
                      status_message TEXT NOT NULL DEFAULT '',
                      device TEXT NOT NULL DEFAULT '',
                      created_at TEXT NOT NULL,
                      started_at TEXT,
                      ended_at TEXT,
                      elapsed_s REAL NOT NULL DEFAULT 0)""",
                    history("epochs", EPOCH_COLUMNS, "epoch"),
                    history("steps", STEP_COLUMNS, "step"),
                    history("snapshots", SNAPSHOT_COLUMNS, "step"),
                    """
                    CREATE TABLE info (
                      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      seq INTEGER NOT NULL,
                      message TEXT NOT NULL,
                      PRIMARY KEY (run_id, seq)) WITHOUT ROWID"""),
            // v2: who records a run (to tell a live run from one whose process died), when it last
            // wrote, and when each info line was logged
            List.of("ALTER TABLE runs ADD COLUMN owner TEXT",
                    "ALTER TABLE runs ADD COLUMN updated_at TEXT",
                    "UPDATE runs SET updated_at = COALESCE(ended_at, started_at, created_at)",
                    "ALTER TABLE info ADD COLUMN logged_at TEXT",
                    "CREATE INDEX runs_by_status ON runs(status)"),
            // v3: the trainer lock (one process trains a run at a time) and the history of attempts
            // a restart from step 0 superseded (kept, never deleted)
            List.of("ALTER TABLE runs ADD COLUMN trainer TEXT",
                    "ALTER TABLE runs ADD COLUMN trainer_since TEXT",
                    """
                    CREATE TABLE superseded_attempts (
                      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      attempt INTEGER NOT NULL,
                      status TEXT NOT NULL,
                      status_message TEXT NOT NULL,
                      started_at TEXT,
                      ended_at TEXT,
                      elapsed_s REAL NOT NULL,
                      superseded_at TEXT NOT NULL,
                      PRIMARY KEY (run_id, attempt)) WITHOUT ROWID""",
                    superseded("superseded_epochs", EPOCH_COLUMNS, "epoch"),
                    superseded("superseded_steps", STEP_COLUMNS, "step"),
                    superseded("superseded_snapshots", SNAPSHOT_COLUMNS, "step")));

    /** The schema version this code reads and writes. */
    static final int CURRENT = MIGRATIONS.size();

    private Schema() {
    }

    /** A table of a run's current history: its rows go with the run. */
    private static String history(String table, String columns, String key) {
        return "CREATE TABLE " + table + " (\n"
                + "  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
                + columns
                + "  PRIMARY KEY (run_id, " + key + ")) WITHOUT ROWID";
    }

    /** The same rows of a superseded attempt: they go with the attempt. */
    private static String superseded(String table, String columns, String key) {
        return "CREATE TABLE " + table + " (\n"
                + "  run_id INTEGER NOT NULL,\n"
                + "  attempt INTEGER NOT NULL,\n"
                + columns
                + "  PRIMARY KEY (run_id, attempt, " + key + "),\n"
                + "  FOREIGN KEY (run_id, attempt) REFERENCES superseded_attempts(run_id, attempt)\n"
                + "    ON DELETE CASCADE) WITHOUT ROWID";
    }

    /** Applies the migrations after {@code from}, each atomically with its version bump. */
    static void migrate(Connection c, int from) throws SQLException {
        for (int version = from; version < CURRENT; version++) {
            int applying = version;
            version = Transactions.run(c, () -> {
                // another process opening the same new workspace may have migrated meanwhile; the
                // version read inside this (immediate, so locked) transaction is the true one
                int now = Database.pragmaInt(c, "user_version");
                if (now > applying) {
                    return now - 1;
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : MIGRATIONS.get(applying)) {
                        s.executeUpdate(sql);
                    }
                    if (applying == 0) {
                        s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                    }
                    s.executeUpdate("PRAGMA user_version = " + (applying + 1));
                }
                return applying;
            });
        }
    }
}
