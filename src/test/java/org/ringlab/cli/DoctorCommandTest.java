package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ringlab doctor} on this CPU-only machine, with a tiny model and three steps. */
class DoctorCommandTest {

    @Test
    void printsEngineCpuDeviceAndAFiniteSpeed() {
        Cli.Result r = Cli.run("doctor", "--config", "mlp-fp32", "--steps", "3", "--batch", "8", "--threads", "1");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("engine     PyTorch 2.7.1"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("devices    [cpu()")), r.out());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("| cpu() |")).toList();
        assertEquals(1, rows.size(), r.out());
        // | cpu() | images/s | first loss | last loss |
        assertTrue(rows.get(0).matches("\\| cpu\\(\\) \\| [1-9][0-9,]* \\| [0-9]+\\.[0-9]+ \\| [0-9]+\\.[0-9]+ \\|"),
                rows.get(0));
        assertTrue(r.out().contains("diagnosis  ok"), r.out());
    }

    @Test
    void unknownConfigurationIsRefused() {
        String line = Cli.run("doctor", "--config", "nope").assertUsageError();
        assertTrue(line.contains("'nope'"), line);
    }
}
