package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfigJson;
import org.ringlab.train.RunStatus;

/** Old, foreign, damaged and unwritable files where the store expects its own. */
class StoreFilesTest {

    /** The version-1 schema exactly as the first RingLab with a run store wrote it. */
    private static final List<String> V1_DDL = List.of(
            "CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, config_json TEXT NOT NULL, "
                    + "status TEXT NOT NULL, status_message TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', "
                    + "created_at TEXT NOT NULL, started_at TEXT, ended_at TEXT, elapsed_s REAL NOT NULL DEFAULT 0)",
            "CREATE TABLE epochs (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, epoch INTEGER NOT NULL, "
                    + "step INTEGER NOT NULL, train_loss REAL, train_acc REAL, test_acc_soft REAL, test_acc_snapped REAL, "
                    + "test_acc_snapped_bn REAL, lr REAL, images_per_s REAL, seconds REAL, elapsed_s REAL, "
                    + "PRIMARY KEY (run_id, epoch)) WITHOUT ROWID",
            "CREATE TABLE steps (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL, "
                    + "epoch INTEGER NOT NULL, step_in_epoch INTEGER NOT NULL, steps_per_epoch INTEGER NOT NULL, "
                    + "loss REAL, accuracy REAL, lr REAL, PRIMARY KEY (run_id, step)) WITHOUT ROWID",
            "CREATE TABLE snapshots (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, step INTEGER NOT NULL, "
                    + "epoch INTEGER NOT NULL, epoch_progress REAL NOT NULL, data BLOB NOT NULL, "
                    + "PRIMARY KEY (run_id, step)) WITHOUT ROWID",
            "CREATE TABLE info (run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, seq INTEGER NOT NULL, "
                    + "message TEXT NOT NULL, PRIMARY KEY (run_id, seq)) WITHOUT ROWID",
            "PRAGMA application_id = " + 0x524C4142,
            "PRAGMA user_version = 1");

    @Test
    void aVersion2DatabaseGetsTheRunLockAndTheSupersededAttemptTables(@TempDir Path ws) throws Exception {
        Path db = ws.resolve(RunStore.DATABASE);
        String config = RunConfigJson.toJson(RunStoreTest.CONFIG);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : V1_DDL) {
                s.execute(sql);
            }
            // version 2 as RingLab wrote it: owner, updated_at, info.logged_at and the status index
            s.execute("ALTER TABLE runs ADD COLUMN owner TEXT");
            s.execute("ALTER TABLE runs ADD COLUMN updated_at TEXT");
            s.execute("ALTER TABLE info ADD COLUMN logged_at TEXT");
            s.execute("CREATE INDEX runs_by_status ON runs(status)");
            s.execute("PRAGMA user_version = 2");
            s.executeUpdate("INSERT INTO runs VALUES (4, 'v2 run', '" + config.replace("'", "''") + "', 'interrupted', "
                    + "'lost', 'cpu()', '2026-01-02T03:04:05Z', '2026-01-02T03:04:06Z', '2026-01-02T03:05:00Z', 12.5, "
                    + "'1@nowhere@', '2026-01-02T03:05:00Z')");
            s.executeUpdate("INSERT INTO epochs VALUES (4, 1, 10, 0.9, 70, 80, 60, 75, 0.001, 900, 18, 18)");
            s.executeUpdate("INSERT INTO steps VALUES (4, 1, 1, 1, 10, 2.3, 12.5, 0.001)");
        }
        try (RunStore store = RunStore.open(ws)) {
            assertEquals(3, Schema.CURRENT);
            assertEquals(3, store.schemaVersion());
            StoredRun run = store.load(4);
            assertEquals("v2 run", run.name());
            assertEquals(RunStatus.INTERRUPTED, run.status());
            assertEquals(80.0, run.epochs().get(0).testAccSoft());
            assertEquals(2.3, run.steps().get(0).loss());
            assertEquals(List.of(), store.supersededAttempts(4));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                    var r = s.executeQuery("SELECT trainer, trainer_since FROM runs WHERE id = 4")) {
                assertEquals(null, r.getString(1), "nobody trains a migrated run");
                assertEquals(null, r.getString(2));
            }
            // the new parts work on the migrated run: a claim, and a restart that keeps its history
            try (RunLock lock = store.lock(4)) {
                assertNull(store.prepareResume(4, true));
            }
            assertEquals(List.of(80.0), store.supersededAttempts(4).get(0).epochs().stream()
                    .map(e -> e.testAccSoft()).toList());
            assertEquals("ok", store.integrityCheck());
        }
    }

    @Test
    void aVersion1DatabaseIsMigratedWithItsDataIntact(@TempDir Path ws) throws Exception {
        Path db = ws.resolve(RunStore.DATABASE);
        String config = RunConfigJson.toJson(RunStoreTest.CONFIG);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : V1_DDL) {
                s.execute(sql);
            }
            s.executeUpdate("INSERT INTO runs VALUES (7, 'old run', '" + config.replace("'", "''") + "', 'finished', "
                    + "'finished 3 epochs', 'cpu()', '2026-01-02T03:04:05Z', '2026-01-02T03:04:06Z', "
                    + "'2026-01-02T03:05:00Z', 54.5)");
            s.executeUpdate("INSERT INTO epochs VALUES (7, 1, 10, 0.9, 70, 80, 60, 75, 0.001, 900, 18, 18)");
            s.executeUpdate("INSERT INTO steps VALUES (7, 1, 1, 1, 10, 2.3, 12.5, 0.001)");
            s.executeUpdate("INSERT INTO info VALUES (7, 1, 'device cpu()')");
        }
        try (RunStore store = RunStore.open(ws)) {
            assertEquals(Schema.CURRENT, store.schemaVersion());
            StoredRun run = store.load(7);
            assertEquals("old run", run.name());
            assertEquals(RunStoreTest.CONFIG, run.config());
            assertEquals(RunStatus.FINISHED, run.status());
            assertEquals("2026-01-02T03:05:00Z", run.endedAt().toString());
            assertEquals(54.5, run.elapsedSeconds());
            assertEquals(80.0, run.epochs().get(0).testAccSoft());
            assertEquals(2.3, run.steps().get(0).loss());
            assertEquals(List.of("device cpu()"), run.info());
            assertEquals("ok", store.integrityCheck());
            // the new columns exist and were filled from what v1 knew
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                    var r = s.executeQuery("SELECT updated_at, owner FROM runs WHERE id = 7")) {
                assertEquals("2026-01-02T03:05:00Z", r.getString(1));
                assertEquals(null, r.getString(2));
            }
            // and new runs go on after the old ids
            assertEquals(8, store.createRun(RunStoreTest.CONFIG, "new", "cpu()"));
        }
    }

    @Test
    void aPngIsRefusedByName(@TempDir Path ws) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        Path db = ws.resolve(RunStore.DATABASE);
        Files.write(db, png);
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(ws));
        assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("not an SQLite database")
                && e.getMessage().contains("PNG"), e.getMessage());
        assertEquals(20, Files.size(db), "the file is left as it was");
    }

    @Test
    void anotherApplicationsDatabaseIsRefusedAndLeftAlone(@TempDir Path ws) throws Exception {
        Path db = ws.resolve(RunStore.DATABASE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");
            s.execute("INSERT INTO invoices VALUES (1, 9.5)");
        }
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(ws));
        assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("invoices")
                && e.getMessage().contains("not a RingLab run store"), e.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
            assertEquals(1, r.getInt(1), "nothing was added to it");
        }
    }

    @Test
    void aDamagedDatabaseIsReportedAsDamaged(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            long id = store.createRun(RunStoreTest.CONFIG, "x", "cpu()");
            try (StoreRecorder r = store.recorder(id)) {
                RunStoreTest.record(r, 2);
            }
        }
        Path db = ws.resolve(RunStore.DATABASE);
        // checkpoint the WAL into the main file, then scribble over every page after the first
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[(int) f.length() - 4096];
            new java.util.Random(1).nextBytes(junk);
            f.seek(4096);
            f.write(junk);
        }
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(ws));
        assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("damaged"), e.getMessage());
    }

    @Test
    void aTruncatedHeaderIsNotADatabase(@TempDir Path ws) throws Exception {
        Path db = ws.resolve(RunStore.DATABASE);
        Files.writeString(db, "SQLite format 3");
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(ws));
        assertTrue(e.getMessage().contains("not an SQLite database"), e.getMessage());
    }

    @Test
    void aNewerSchemaIsRefusedWithAnUpdateHint(@TempDir Path ws) throws Exception {
        RunStore.open(ws).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(RunStore.DATABASE));
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(ws));
        assertTrue(e.getMessage().contains("newer RingLab") && e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void aFileWhereTheWorkspaceFolderShouldBeIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("workspace");
        Files.writeString(file, "not a folder");
        StoreException e = assertThrows(StoreException.class, () -> RunStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("choose a writable folder"),
                e.getMessage());
        // one level further down: the workspace's parent is a file, so the folder cannot be created
        StoreException below = assertThrows(StoreException.class, () -> RunStore.open(file.resolve("ws")));
        assertTrue(below.getMessage().contains("cannot create the workspace folder")
                && below.getMessage().contains("choose a writable folder"), below.getMessage());
    }

    /**
     * Needs a user the permission bits apply to: root writes into a read-only folder anyway, so as
     * root the test falls back to Linux's sysfs, where nobody may create a folder.
     */
    @Test
    void aReadOnlyWorkspaceIsRefusedWithAHint(@TempDir Path dir) throws Exception {
        Path sysfs = Path.of("/sys/ringlab-workspace");
        boolean sysfsChecked = Files.isDirectory(sysfs.getParent()) && !Files.exists(sysfs);
        if (sysfsChecked) {
            StoreException e = assertThrows(StoreException.class, () -> RunStore.open(sysfs));
            System.out.println(e.getMessage());
            assertTrue(e.getMessage().startsWith("cannot create the workspace folder " + sysfs)
                    && e.getMessage().contains("choose a writable folder"), e.getMessage());
        }
        Path ws = dir.resolve("ro");
        Files.createDirectories(ws);
        Files.setPosixFilePermissions(ws, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            if (Files.isWritable(ws)) {
                assumeTrue(sysfsChecked, "running as root without sysfs: permission bits do not stop writes");
                return;
            }
            StoreException e = assertThrows(StoreException.class, () -> RunStore.open(ws));
            assertTrue(e.getMessage().contains(ws.toString()) && e.getMessage().contains("writable folder"),
                    e.getMessage());
        } finally {
            Files.setPosixFilePermissions(ws, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
