package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportAllCommandTest {

    @Test
    void refusesAnUnknownFormatAndAFolderThatIsNoRun(@TempDir Path tmp) {
        String line = Cli.run("export-all", "--run", tmp.toString(), "--out-dir", tmp.toString(), "--formats", "jpg")
                .assertUsageError();
        assertTrue(line.contains("jpg"), line);
        line = Cli.run("export-all", "--run", tmp.toString(), "--out-dir", tmp.resolve("f").toString())
                .assertUsageError();
        assertTrue(line.contains(tmp.toString()), line);
    }

    @Test
    void helpExits0() {
        assertEquals(0, Cli.run("export-all", "--help").code());
    }
}
