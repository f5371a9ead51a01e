package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ringlab bench}, kept to two timed steps of the smallest configuration. */
class BenchCommandTest {

    @Test
    void printsAMarkdownRowForTheConfigurationAsked() {
        Cli.Result r = Cli.run("bench", "--configs", "mlp-fp32", "--steps", "2", "--warmup", "1", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| config ")).toList();
        assertEquals(1, rows.size(), r.out());
        // | name | round | params | median ms | p10 ms | p90 ms | images/s | cpu/wall | arrays/step |
        assertTrue(rows.get(0).matches("\\| mlp-fp32 \\| 1 \\| [0-9,]+ \\|( [0-9.,]+ \\|){5} [1-9][0-9,]* \\|"),
                rows.get(0));
    }

    @Test
    void peerFolderWithoutTheScriptIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String line = Cli.run("bench", "--configs", "mlp-fp32", "--peer", dir.toString()).assertUsageError();
        assertTrue(line.contains("bench_throughput.py"), line);
    }

    @Test
    void unknownConfigurationIsRefused() {
        String line = Cli.run("bench", "--configs", "nope").assertUsageError();
        assertTrue(line.contains("'nope'"), line);
    }
}
