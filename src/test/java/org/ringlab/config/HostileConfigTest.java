package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.SpecialFiles;

/** Configurations built to take minutes, gigabytes or a blocked read (issue 16): each fails fast and briefly. */
class HostileConfigTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static InvalidConfigException refusal(org.junit.jupiter.api.function.Executable read) {
        return assertTimeoutPreemptively(QUICKLY, () -> assertThrows(InvalidConfigException.class, read));
    }

    /** {"k0": 0, "k1": 0, …} with {@code keys} unknown keys. */
    private static String manyUnknownKeys(int keys) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < keys; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        return json.append('}').toString();
    }

    @Test
    void anOversizedFileIsRefusedOnItsSizeBeforeParsing() throws Exception {
        Path file = dir.resolve("big.json");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(manyUnknownKeys(300_000)); // about 3.4 MB, the 10 MB case in small
        }
        InvalidConfigException e = refusal(() -> RunConfigJson.read(file));

        assertEquals(List.of("the file is " + Files.size(file) + " bytes; a configuration file may have at most 1048576"),
                e.problems());
    }

    @Test
    void tooManyKeysAreRefusedWithoutListingThem() {
        InvalidConfigException e = refusal(() -> RunConfigJson.fromJson(manyUnknownKeys(80_000)));

        assertEquals(List.of("the object has 80000 keys; a configuration has at most 500 (there are "
                + RunConfigJson.keys().size() + " valid keys)"), e.problems());
    }

    @Test
    void textLongerThanTheLimitIsRefusedBeforeParsing() {
        String json = "{\"name\": \"" + "x".repeat(RunConfigJson.MAX_FILE_BYTES) + "\"}";
        InvalidConfigException e = refusal(() -> RunConfigJson.fromJson(json));

        assertTrue(e.getMessage().contains("a configuration may have at most 1048576"), e.getMessage());
    }

    @Test
    void unknownKeysBeyondTheFirstFiveAreCounted() {
        InvalidConfigException e = refusal(() -> RunConfigJson.fromJson(manyUnknownKeys(400)));

        assertEquals(6, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("unknown key 'k0'"), e.problems().get(0));
        assertEquals("… and 395 more unknown keys", e.problems().get(5));
        assertTrue(e.getMessage().length() < 10_000, "message of " + e.getMessage().length() + " characters");
    }

    @Test
    void aVeryLongUnknownKeyIsShortenedInTheMessage() {
        InvalidConfigException e = refusal(() -> RunConfigJson.fromJson("{\"" + "k".repeat(40_000) + "\": 1}"));

        assertTrue(e.problems().get(0).startsWith("unknown key '" + "k".repeat(57) + "...'; valid keys:"),
                e.problems().get(0));
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "config.json");
        InvalidConfigException e = refusal(() -> RunConfigJson.read(fifo));

        assertEquals(List.of("the path is a named pipe (FIFO), not a regular file"), e.problems());
    }

    @Test
    void aFolderAndADeviceAreNamedForWhatTheyAre() {
        assertEquals(List.of("the path is a folder, not a file"), refusal(() -> RunConfigJson.read(dir)).problems());
        Path zero = SpecialFiles.devZero();
        assertEquals(List.of("the path is a character device, not a regular file"),
                refusal(() -> RunConfigJson.read(zero)).problems());
    }
}
