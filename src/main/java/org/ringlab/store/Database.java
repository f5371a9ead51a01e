package org.ringlab.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ringlab.io.RegularFile;
import org.sqlite.SQLiteConfig;

/**
 * Opens connections to a store's SQLite file and checks that the file is one: the SQLite header,
 * RingLab's application id, a schema version this code knows, and SQLite's own quick check.
 */
final class Database {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G'};

    private Database() {
    }

    /**
     * A connection with the store's settings: WAL (readers never block the writer, a crash loses
     * at most the transaction in flight), full sync at commit, foreign keys, a 10 s wait for a lock.
     */
    static Connection connect(Path db) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        // a writer takes the lock when it begins, instead of failing when a read upgrades to a write
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
        return c;
    }

    /** One message for an SQLite failure on {@code db}: what is wrong with the file and what to do. */
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

    static void applySettings(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode = WAL")) {
                r.next();
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** Refuses a file that is not an SQLite database, before SQLite gets to see it. */
    static void checkHeader(Path db) {
        // opening a named pipe would block until someone writes to it
        String kind = RegularFile.problem(db);
        if (kind != null) {
            throw new StoreException("the run store " + db + " " + kind + "; move it away or choose another workspace"
                    + " folder");
        }
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(db)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException("cannot read the run store " + db + ": " + e.getMessage(), e);
        }
        if (n == 0) {
            return; // an empty file is a database SQLite has not written yet
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_HEADER)) {
            String looks = Arrays.equals(Arrays.copyOf(head, 4), PNG_HEADER) ? " (it is a PNG image)" : "";
            throw new StoreException("the run store " + db + " is not an SQLite database" + looks
                    + "; move the file away or choose another workspace folder");
        }
    }

    static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
            return r.next() ? r.getInt(1) : 0;
        }
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                        + "AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    /** "ok", or SQLite's list of problems. */
    static String check(Connection c, String pragma) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + pragma)) {
            while (r.next() && lines.size() < 5) {
                lines.add(r.getString(1));
            }
        }
        return String.join("; ", lines);
    }
}
