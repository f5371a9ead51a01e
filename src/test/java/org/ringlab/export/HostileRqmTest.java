package org.ringlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.SpecialFiles;

/**
 * {@code .rqm} files with a valid checksum whose counts lie (issue 16): each is refused from its
 * counts with one line, before anything they announce is allocated.
 */
class HostileRqmTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final byte[] CONFIG = "{\"model\": \"mlp\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String failure(String name, byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve(name), bytes);
        return failure(file);
    }

    private static String failure(Path file) {
        String message = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(IOException.class, () -> RqmFile.read(file)).getMessage());
        assertTrue(message.startsWith(file.toString()), message);
        assertFalse(message.contains("\n"), () -> "not one line: " + message);
        return message;
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }

    /** A file of one ring layer with {@code levels} levels of {@code bits} bits and {@code weights} weights. */
    private static byte[] oneLayer(int levels, int bits, int weights, byte[] codes) {
        float[] table = new float[levels];
        for (int i = 0; i < levels; i++) {
            table[i] = i;
        }
        return new RqmBytes().shape(1, 28, 28, 10).deflated(CONFIG)
                .i32(1).deflated(RqmBytes.layerTable("layer", new float[] {0, 1}, table, bits))
                .i32(weights).raw(codes).u8(0)
                .i32(0).deflated(new byte[0])
                .finish();
    }

    @Test
    void aWellFormedFileOfOneLayerReads() throws IOException {
        Path file = Files.write(dir.resolve("ok.rqm"), oneLayer(2, 1, 8, new byte[] {0x5a}));
        RqmFile read = RqmFile.read(file);
        assertEquals(1, read.ringLayers().size());
        assertEquals(8, read.ringLayers().get(0).weightCodes().length);
    }

    @Test
    void aLayerCountOfTwoBillionIsRefusedOnItsCount() throws IOException {
        byte[] bytes = new RqmBytes().shape(1, 28, 28, 10).deflated(CONFIG)
                .i32(Integer.MAX_VALUE).deflated(new byte[0]).i32(0).deflated(new byte[0]).finish();

        assertContains(failure("layers.rqm", bytes), "the file says 2147483647 ring layers; expected 0..");
    }

    @Test
    void codeWidthZeroWithTwoBillionWeightsIsRefused() throws IOException {
        // one level needs no bits, so two billion weights take no bytes at all
        assertContains(failure("width0.rqm", oneLayer(1, 0, Integer.MAX_VALUE, new byte[0])),
                "the quantized layers hold more than 67108864 weights");
    }

    @Test
    void aCodeWidthThatDoesNotMatchTheLevelsIsRefused() throws IOException {
        assertContains(failure("width.rqm", oneLayer(4, 0, 8, new byte[0])),
                "has 4 levels and a code width of 0 bits; 4 levels take 2");
    }

    @Test
    void aDeflateBombIsRefusedWhileInflating() throws IOException {
        byte[] bomb = new byte[32 << 20]; // 32 MiB of zeros deflate to about 32 KB
        byte[] bytes = new RqmBytes().shape(1, 28, 28, 10).deflated(CONFIG)
                .i32(0).deflated(new byte[0]).i32(1).deflated(bomb).finish();
        assertTrue(bytes.length < 1 << 20, "a small file: " + bytes.length);

        assertContains(failure("bomb.rqm", bytes), "the parameter names inflates to more than 16777216 bytes");
    }

    @Test
    void imagesLargerThanTheImageSizeCapAreRefused() throws IOException {
        byte[] bytes = new RqmBytes().shape(1, 2048, 2048, 10).deflated(CONFIG)
                .i32(0).deflated(new byte[0]).i32(0).deflated(new byte[0]).finish();

        assertContains(failure("big.rqm", bytes), "the file says 2048 image height; expected 1..1024");
    }

    @Test
    void aFloatParameterWhoseShapeOverflowsIsRefused() throws IOException {
        byte[] bytes = new RqmBytes().shape(1, 28, 28, 10).deflated(CONFIG)
                .i32(0).deflated(new byte[0]).i32(1).deflated("w".getBytes(StandardCharsets.UTF_8))
                .u8(3).i64(Integer.MAX_VALUE).i64(Integer.MAX_VALUE).i64(Integer.MAX_VALUE).finish();

        assertContains(failure("shape.rqm", bytes), "a section runs past the end of the data");
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        assertContains(failure(SpecialFiles.fifo(dir, "pipe.rqm")), "is a named pipe (FIFO), not a regular file");
        assertContains(failure(SpecialFiles.devZero()), "is a character device, not a regular file");
    }
}
