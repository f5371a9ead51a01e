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
                    """
                    CREATE TABLE epochs (
                      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
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
                      PRIMARY KEY (run_id, epoch)) WITHOUT ROWID""",
                    """
                    CREATE TABLE steps (
                      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      step INTEGER NOT NULL,
                      epoch INTEGER NOT NULL,
                      step_in_epoch INTEGER NOT NULL,
                      steps_per_epoch INTEGER NOT NULL,
                      loss REAL,
                      accuracy REAL,
                      lr REAL,
                      PRIMARY KEY (run_id, step)) WITHOUT ROWID""",
                    """
                    CREATE TABLE snapshots (
                      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                      step INTEGER NOT NULL,
                      epoch INTEGER NOT NULL,
                      epoch_progress REAL NOT NULL,
                      data BLOB NOT NULL,
                      PRIMARY KEY (run_id, step)) WITHOUT ROWID""",
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
                    """
                    CREATE TABLE superseded_epochs (
                      run_id INTEGER NOT NULL,
                      attempt INTEGER NOT NULL,
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
                      PRIMARY KEY (run_id, attempt, epoch),
                      FOREIGN KEY (run_id, attempt) REFERENCES superseded_attempts(run_id, attempt)
                        ON DELETE CASCADE) WITHOUT ROWID""",
                    """
                    CREATE TABLE superseded_steps (
                      run_id INTEGER NOT NULL,
                      attempt INTEGER NOT NULL,
                      step INTEGER NOT NULL,
                      epoch INTEGER NOT NULL,
                      step_in_epoch INTEGER NOT NULL,
                      steps_per_epoch INTEGER NOT NULL,
                      loss REAL,
                      accuracy REAL,
                      lr REAL,
                      PRIMARY KEY (run_id, attempt, step),
                      FOREIGN KEY (run_id, attempt) REFERENCES superseded_attempts(run_id, attempt)
                        ON DELETE CASCADE) WITHOUT ROWID""",
                    """
                    CREATE TABLE superseded_snapshots (
                      run_id INTEGER NOT NULL,
                      attempt INTEGER NOT NULL,
                      step INTEGER NOT NULL,
                      epoch INTEGER NOT NULL,
                      epoch_progress REAL NOT NULL,
                      data BLOB NOT NULL,
                      PRIMARY KEY (run_id, attempt, step),
                      FOREIGN KEY (run_id, attempt) REFERENCES superseded_attempts(run_id, attempt)
                        ON DELETE CASCADE) WITHOUT ROWID"""));

    /** The schema version this code reads and writes. */
    static final int CURRENT = MIGRATIONS.size();

    private Schema() {
    }

    /** Applies the migrations after {@code from}, each atomically with its version bump. */
    static void migrate(Connection c, int from) throws SQLException {
        for (int version = from; version < CURRENT; version++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // another process opening the same new workspace may have migrated meanwhile; the
                // version read inside this (immediate, so locked) transaction is the true one
                int now = Database.pragmaInt(c, "user_version");
                if (now > version) {
                    c.commit();
                    c.setAutoCommit(true);
                    version = now - 1;
                    continue;
                }
                for (String sql : MIGRATIONS.get(version)) {
                    s.executeUpdate(sql);
                }
                if (version == 0) {
                    s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                }
                s.executeUpdate("PRAGMA user_version = " + (version + 1));
                c.commit();
            } catch (SQLException e) {
                RunStore.abandon(c, e);
                throw e;
            }
            c.setAutoCommit(true);
        }
    }
}
