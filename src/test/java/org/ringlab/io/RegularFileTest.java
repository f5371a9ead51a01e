package org.ringlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegularFileTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileAndALinkToOneHaveNoProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("a.json"), "{}");
        assertNull(RegularFile.problem(file));
        assertNull(RegularFile.problem(Files.createSymbolicLink(dir.resolve("link.json"), file)));
    }

    @Test
    void everythingElseIsNamedForWhatItIs() throws Exception {
        assertEquals("does not exist", RegularFile.problem(dir.resolve("missing")));
        assertEquals("is a folder, not a file", RegularFile.problem(dir));
        assertEquals("is a named pipe (FIFO), not a regular file",
                RegularFile.problem(SpecialFiles.fifo(dir, "pipe")));
        assertEquals("is a character device, not a regular file", RegularFile.problem(SpecialFiles.devZero()));
    }
}
