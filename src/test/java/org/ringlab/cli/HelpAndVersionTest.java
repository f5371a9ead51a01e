package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

    @Test
    void helpExitsZeroAndListsTheCommands() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Usage: ringlab"), r.out());
        for (String command : new String[] {"train", "eval", "ring", "bench"}) {
            assertTrue(r.out().contains(command), command + " missing from:\n" + r.out());
        }
    }

    @Test
    void trainHelpExitsZeroAndListsConfigFlags() {
        Cli.Result r = Cli.run("train", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("--ring-size") && r.out().contains("--config"), r.out());
    }

    @Test
    void versionExitsZeroAndNamesRingLab() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("RingLab "), r.out());
    }
}
