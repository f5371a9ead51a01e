package org.ringlab.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.ringlab.runstate.Owner;

/**
 * Opening a workspace's store: the folder and the database file checked and created, an SQLite
 * file of anything else refused, and an older schema migrated forward ({@link Schema}).
 */
final class StoreOpening {
    private StoreOpening() {
    }

    /**
     * Opens the workspace's store, creating the folder and the database if needed and migrating an
     * older schema forward.
     *
     * @throws StoreException naming the folder or file when it cannot be created or written, is not
     *     a RingLab run store, is damaged, or was written by a newer RingLab
     */
    static StoreConnection open(Path workspace) {
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
        Path db = ws.resolve(RunStore.DATABASE);
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
            return new StoreConnection(ws, db, c, Owner.current());
        } catch (SQLException e) {
            StoreConnection.close(c);
            throw Database.describe(db, e);
        } catch (RuntimeException e) {
            StoreConnection.close(c);
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

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((FileSystemException) e).getFile();
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " exists and is not a folder";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
