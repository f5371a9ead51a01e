package org.ringlab.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An open store: its folder, its database file, the one connection its reads and writes share
 * (callers hold the {@link RunStore}'s lock) and this process's owner id.
 */
record StoreConnection(Path workspace, Path db, Connection connection, String owner) {
    /** {@code runs/<id>} under the workspace. */
    Path runDirectory(long id) {
        return workspace.resolve("runs").resolve(Long.toString(id));
    }

    Path resumeCheckpoint(long id) {
        return runDirectory(id).resolve(RunStore.RESUME_CHECKPOINT);
    }

    /** Reads outside a transaction; a failure becomes a {@link StoreException} naming the file. */
    <T> T query(Transactions.Work<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw Database.describe(db, e);
        }
    }

    /** One transaction; a failure rolls it back as a whole and becomes a {@link StoreException}. */
    <T> T transaction(Transactions.Work<T> work) {
        try {
            return Transactions.run(connection, work);
        } catch (SQLException e) {
            throw Database.describe(db, e);
        }
    }

    /** Reads values out of the current row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    /**
     * Reads the row of run {@code id} that {@code sql} selects (its parameter 1 is the id).
     *
     * @throws StoreException when there is no such run
     */
    <T> T runRow(long id, String sql, Row<T> read) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new StoreException("no run " + id + " in " + db);
                }
                return read.read(r);
            }
        }
    }

    /** The first column of the first row of {@code sql}, whose parameter 1 is the run id. */
    int count(String sql, long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing left to save: every write was committed or rolled back
            }
        }
    }
}
