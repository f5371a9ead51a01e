package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.SpecialFiles;

/** A named pipe where runs.db should be is refused with one line instead of blocking the open (issue 16). */
class StoreSpecialFileTest {
    @Test
    void aNamedPipeInPlaceOfTheDatabaseIsRefusedWithoutBlocking(@TempDir Path ws) throws Exception {
        Path db = SpecialFiles.fifo(ws, RunStore.DATABASE);
        StoreException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(StoreException.class, () -> RunStore.open(ws)));
        assertEquals("the run store " + db + " is a named pipe (FIFO), not a regular file; move it away or choose"
                + " another workspace folder", e.getMessage());
    }
}
