package org.ringlab.export;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;

class DamagedFileTest {
    @TempDir
    static Path dir;
    private static byte[] good;

    @BeforeAll
    static void writeOneGoodFile() throws IOException {
        RunConfig config = RunConfig.defaults().toBuilder().model(ModelKind.MLP).build();
        Path file = dir.resolve("good.rqm");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            QuantizedModelWriter.write(config, Models.initialised(config, 1, 28, manager), file);
        }
        good = Files.readAllBytes(file);
    }

    @Test
    void theGoodFileReads() throws IOException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            QuantizedModelReader.read(write("intact.rqm", good), manager);
        }
    }

    @Test
    void oneFlippedByteInTheMiddleFailsTheChecksum() throws IOException {
        byte[] bytes = good.clone();
        bytes[bytes.length / 2] ^= 0x10;
        assertRefused(write("tampered.rqm", bytes), "checksum mismatch");
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        assertRefused(write("half.rqm", Arrays.copyOf(good, good.length / 2)), "truncated");
        assertRefused(write("stub.rqm", Arrays.copyOf(good, 10)), "truncated");
    }

    @Test
    void aForeignFileIsRefused() throws IOException {
        assertRefused(write("foreign.rqm", "{\"model\": \"lenet\"}".getBytes(StandardCharsets.UTF_8)), "not a RingLab quantized model");
        assertRefused(write("empty.rqm", new byte[0]), "not a RingLab quantized model");
    }

    @Test
    void anUnknownVersionIsRefused() throws IOException {
        byte[] bytes = good.clone();
        ByteBuffer.wrap(bytes).putInt(RqmFormat.MAGIC.length, RqmFormat.VERSION_CODED + 1);
        assertRefused(write("future.rqm", bytes), "format version 4 is unknown");
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertRefused(Path file, String why) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            IOException e = assertThrows(IOException.class, () -> QuantizedModelReader.read(file, manager));
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(why), e.getMessage());
        }
    }
}
