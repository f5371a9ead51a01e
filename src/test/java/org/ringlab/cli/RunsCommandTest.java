package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.store.RunStore;

/** {@code ringlab runs} on a store with damaged rows and hostile names. */
class RunsCommandTest {

    @Test
    void aBadStatusOrDateRowIsListedAsUnreadableAndTheOthersAsUsual(@TempDir Path ws) throws Exception {
        try (RunStore store = RunStore.open(ws)) {
            for (String name : new String[] {"good one", "bad status", "bad date", "good two"}) {
                store.createRun(RunConfig.defaults(), name, "cpu");
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(RunStore.DATABASE));
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE runs SET status = 'exploded' WHERE id = 2");
            s.executeUpdate("UPDATE runs SET created_at = 'yesterday' WHERE id = 3");
        }
        Cli.Result runs = Cli.run("runs", "--workspace", ws.toString());
        assertEquals(0, runs.code(), runs.err());
        String[] lines = runs.out().lines().toArray(String[]::new);
        System.out.println(runs.out());
        assertEquals(5, lines.length, runs.out());
        assertTrue(lines[1].matches("\\s*4\\s+good two\\s+lenet\\s+ring\\s+pending .*"), lines[1]);
        assertTrue(lines[2].matches("\\s*3\\s+bad date\\s+unreadable: run 3 in .* has an unreadable created_at "
                + "'yesterday'"), lines[2]);
        assertTrue(lines[3].matches("\\s*2\\s+bad status\\s+unreadable: run 2 in .* has an unknown status "
                + "'exploded'"), lines[3]);
        assertTrue(lines[4].matches("\\s*1\\s+good one\\s+lenet\\s+ring\\s+pending .*"), lines[4]);
    }

    @Test
    void terminalEscapesInANameAreShownNotSent(@TempDir Path ws) {
        String hostile = "x\u001b]0;owned\u0007\u001b[2J\rname";
        try (RunStore store = RunStore.open(ws)) {
            store.createRun(RunConfig.defaults(), hostile, "cpu");
        }
        Cli.Result runs = Cli.run("runs", "--workspace", ws.toString());
        assertEquals(0, runs.code(), runs.err());
        System.out.println(runs.out());
        assertFalse(runs.out().chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == '\r'), runs.out());
        assertTrue(runs.out().contains("x\\e]0;owned\\u0007\\e[2J\\…"), runs.out());
    }
}
