package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.tables.RunDirs;

class CompareCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsMarkdownForARunsFolderSkippingOtherFolders() throws IOException {
        RunDirs.fp32(tmp, "a-fp32");
        RunDirs.ring(tmp, "b-s1", 1, 0.91);
        RunDirs.ring(tmp, "c-s2", 2, 0.95);
        Files.createDirectories(tmp.resolve("figures"));
        Cli.Result r = Cli.run("compare", "--runs-dir", tmp.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("| run | method | model | nominal_bits | act_bits | levels | level_bits | entropy_bits |"),
                lines.get(0));
        assertTrue(lines.get(2).startsWith("| a-fp32 | fp32 | mlp | 32 | 32 |"), lines.get(2));
        assertTrue(lines.get(3).startsWith("| b-s1, c-s2 | triangle-8 reference | lenet | 3 | 32 | 4 | 2 |"), lines.get(3));
        assertTrue(lines.get(3).contains("| 0.93 ± 0.0282843 |"), lines.get(3));
    }

    @Test
    void sortsDescendingAndWritesCsvToAFile() throws IOException {
        Path fp = RunDirs.fp32(tmp, "fp");
        Path ring = RunDirs.ring(tmp, "ring", 1, 0.91);
        Path file = tmp.resolve("t.csv");
        Cli.Result r = Cli.run("compare", "--run", fp.toString(), "--run", ring.toString(), "--format", "csv",
                "--sort", "final_snapped:desc", "--out", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote " + file + " (2 rows)", r.out().strip());
        List<String> rows = Files.readAllLines(file);
        assertTrue(rows.get(1).startsWith("ring,"), "fp32 has no snapped accuracy, so it sorts last: " + rows);
        assertTrue(rows.get(2).startsWith("fp,"), rows.toString());
        Cli.Result soft = Cli.run("compare", "--run", fp.toString(), "--run", ring.toString(), "--format", "csv",
                "--sort", "final_soft:desc");
        assertTrue(soft.out().lines().toList().get(1).startsWith("fp,"), soft.out());
    }

    @Test
    void selectsColumnsButKeepsSnappedNextToSoftAndTheNote() throws IOException {
        Path ring = RunDirs.ring(tmp, "ring", 1, 0.91);
        Cli.Result r = Cli.run("compare", "--run", ring.toString(), "--columns", "method,final_soft,final_snapped,n");
        assertEquals(0, r.code(), r.err());
        assertEquals("| method | final_soft | final_snapped | n | note |", r.out().lines().findFirst().orElseThrow());
        assertEquals("| triangle-8 reference | 0.91 | 0.86 | 1 |  |", r.out().lines().toList().get(2));
        String refused = Cli.run("compare", "--run", ring.toString(), "--columns", "method,final_soft")
                .assertUsageError();
        assertTrue(refused.contains("final_snapped"), refused);
        assertTrue(Cli.run("compare", "--run", ring.toString(), "--columns", "method,acc").assertUsageError()
                .contains("no column 'acc'"));
    }

    @Test
    void digitsRoundNumbersAndTheSpreadForReading() throws IOException {
        RunDirs.ring(tmp, "b-s1", 1, 0.91);
        RunDirs.ring(tmp, "c-s2", 2, 0.95);
        Cli.Result r = Cli.run("compare", "--runs-dir", tmp.toString(), "--digits", "3", "--columns",
                "method,final_soft,final_snapped");
        assertEquals(0, r.code(), r.err());
        // 0.93 ± 0.0282843 unrounded; the spread keeps two significant digits
        assertTrue(r.out().lines().toList().get(2).startsWith("| triangle-8 reference | 0.93 ± 0.028 |"), r.out());
        // one digit: the spread is cut to one too, but still printed with two (0.030, not 0.03)
        Cli.Result one = Cli.run("compare", "--runs-dir", tmp.toString(), "--digits", "1", "--columns",
                "method,final_soft,final_snapped");
        assertTrue(one.out().lines().toList().get(2).startsWith("| triangle-8 reference | 0.9 ± 0.030 |"), one.out());
        assertTrue(Cli.run("compare", "--runs-dir", tmp.toString(), "--digits", "0").assertUsageError()
                .contains("--digits"));
    }

    @Test
    void refusesBadInputWithOneLine() throws IOException {
        Path run = RunDirs.ring(tmp, "r", 1, 0.9);
        assertTrue(Cli.run("compare").assertUsageError().contains("--run"));
        assertTrue(Cli.run("compare", "--run", run.toString(), "--runs-dir", tmp.toString()).assertUsageError()
                .contains("not both"));
        assertTrue(Cli.run("compare", "--run", run.toString(), "--sort", "accuracy").assertUsageError()
                .contains("final_soft"));
        assertTrue(Cli.run("compare", "--run", run.toString(), "--sort", "final_soft:up").assertUsageError()
                .contains("asc or desc"));
        assertTrue(Cli.run("compare", "--runs-dir", run.toString()).assertUsageError().contains("no run directory"));
        assertTrue(Cli.run("compare", "--run", run.toString(), "--format", "xlsx").assertUsageError()
                .contains("markdown"));
    }
}
