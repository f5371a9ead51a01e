package org.ringlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.ringlab.train.RunStatus;

/** The one place a run's status, its timings and its owner change. */
final class Statuses {
    private Statuses() {
    }

    /**
     * Sets the status and message; the first RUNNING sets started_at, a terminal status sets
     * ended_at and a non-terminal one clears it (a resumed run is no longer ended).
     *
     * @param owner the recording process, or null to leave it as it is
     */
    static void update(Connection c, long id, RunStatus status, String message, String owner) throws SQLException {
        String now = Instant.now().toString();
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE runs SET status = ?, status_message = ?, updated_at = ?,
                  started_at = CASE WHEN ? AND started_at IS NULL THEN ? ELSE started_at END,
                  ended_at = CASE WHEN ? THEN ? ELSE NULL END,
                  owner = COALESCE(?, owner)
                WHERE id = ?""")) {
            s.setString(1, status.id());
            s.setString(2, message == null ? "" : message);
            s.setString(3, now);
            s.setBoolean(4, status == RunStatus.RUNNING);
            s.setString(5, now);
            s.setBoolean(6, status.isTerminal());
            s.setString(7, now);
            s.setString(8, owner);
            s.setLong(9, id);
            s.executeUpdate();
        }
    }
}
