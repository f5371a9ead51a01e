package org.ringlab.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The one way the store runs a transaction, for the store's connection and a recorder's alike. */
final class Transactions {
    private Transactions() {
    }

    /** Database work that may fail with SQLite's exception. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on {@code c} and commits it; on any failure rolls back
     * and rethrows that failure, leaving {@code c} in auto-commit either way.
     */
    static <T> T run(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            abandon(c, e);
            throw e;
        }
        c.setAutoCommit(true);
        return result;
    }

    /**
     * Rolls back after {@code failure} and returns to auto-commit, keeping {@code failure} as the
     * reason: after SQLITE_FULL (or an I/O error) SQLite has often rolled the transaction back
     * itself, and the rollback and commit that follow fail with "no transaction is active", which
     * must not replace the real cause.
     */
    private static void abandon(Connection c, Exception failure) {
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
}
