package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.tables.RunDirs;

class ExportDataCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesTidyCsvToStdout() throws IOException {
        Path a = RunDirs.ring(tmp, "a", 1, 0.91);
        Path b = RunDirs.fp32(tmp, "b");
        Cli.Result r = Cli.run("export-data", "--run", a.toString(), "--run", b.toString(), "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + (2 + 3) * RunDirs.METRICS, r.out().lines().count());
        assertTrue(r.out().startsWith("run,name,data,image-size,model,"), r.out());
        assertTrue(!r.out().contains("NaN"));
    }

    @Test
    void writesAComparisonInLatexToAFile() throws IOException {
        Path file = tmp.resolve("table.tex");
        Cli.Result r = Cli.run("export-data", "--run", RunDirs.ring(tmp, "s1", 1, 0.91).toString(),
                "--run", RunDirs.ring(tmp, "s2", 2, 0.95).toString(), "--format", "LaTeX", "--table", "comparison",
                "--out", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + file + " (1 rows)", r.out().strip());
        String tex = Files.readString(file);
        assertTrue(tex.contains("\\toprule") && tex.contains("0.93 $\\pm$ 0.0282843"), tex);
        Cli.Result rounded = Cli.run("export-data", "--run", tmp.resolve("s1").toString(), "--run",
                tmp.resolve("s2").toString(), "--format", "latex", "--table", "comparison", "--digits", "2");
        assertEquals(0, rounded.code(), rounded.err());
        assertTrue(rounded.out().contains("0.93 $\\pm$ 0.028") && !rounded.out().contains("0.0282843"), rounded.out());
        assertTrue(Cli.run("export-data", "--run", tmp.resolve("s1").toString(), "--format", "csv", "--digits", "18")
                .assertUsageError().contains("--digits"));
    }

    @Test
    void refusesAnUnknownFormat() throws IOException {
        String line = Cli.run("export-data", "--run", RunDirs.ring(tmp, "a", 1, 0.91).toString(), "--format", "xlsx")
                .assertUsageError();
        assertTrue(line.contains("csv, json, markdown, latex"), line);
    }

    @Test
    void refusesAnUnknownTable() throws IOException {
        Cli.run("export-data", "--run", RunDirs.ring(tmp, "a", 1, 0.91).toString(), "--format", "csv",
                "--table", "wide").assertUsageError();
    }

    @Test
    void refusesARunWithoutMetricsNamingTheFile() throws IOException {
        Path run = RunDirs.ring(tmp, "a", 1, 0.91);
        Files.delete(run.resolve("metrics.csv"));
        String line = Cli.run("export-data", "--run", run.toString(), "--format", "json").assertUsageError();
        assertTrue(line.contains(run.resolve("metrics.csv").toString()), line);
    }

    @Test
    void refusesAMissingRunFlag() {
        Cli.run("export-data", "--format", "csv").assertUsageError();
    }

    @Test
    void refusesAnOutFileInAMissingFolder() throws IOException {
        Path run = RunDirs.ring(tmp, "a", 1, 0.91);
        Cli.run("export-data", "--run", run.toString(), "--format", "csv", "--out",
                tmp.resolve("no/such/dir/x.csv").toString()).assertUsageError();
    }
}
