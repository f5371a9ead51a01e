package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.data.TestFiles;

/** {@code ringlab import} on the published checkpoints (when the shared folder is beside the repo). */
class ImportCommandTest {
    private static final Path CHECKPOINTS = Path.of(System.getProperty("ringlab.repo", "."))
            .resolve("../shared/reference-checkpoints").normalize();

    @Test
    void analysesThePublishedRingFourCheckpoint() {
        Path file = CHECKPOINTS.resolve("best_ResNet20_ring4.pth");
        assumeTrue(Files.isRegularFile(file), "reference checkpoints not beside the repository");
        Cli.Result r = Cli.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("stored best accuracy 89.27%"), r.out());
        assertTrue(r.out().contains("2 distinct levels -> 1 bit(s)"), r.out());
        assertTrue(r.out().contains("|soft - snapped| / |soft| = 0.418"), r.out());
        assertTrue(r.out().contains("whole model 25.6x"), r.out());
    }

    @Test
    void evaluatesOnACifarFolder(@TempDir Path data) throws Exception {
        Path file = CHECKPOINTS.resolve("best_ResNet20_ring8.pth");
        assumeTrue(Files.isRegularFile(file), "reference checkpoints not beside the repository");
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1};
        TestFiles.write(data, "data_batch_1.bin", TestFiles.cifarRecords(labels, TestFiles.randomBytes(12 * 3072, 1)));
        TestFiles.write(data, "test_batch.bin", TestFiles.cifarRecords(labels, TestFiles.randomBytes(12 * 3072, 2)));
        Cli.Result r = Cli.run("import", file.toString(), "--data", data.toString(), "--bn-recal-batches", "1",
                "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("12 test images: soft") && r.out().contains("snapped+BN"), r.out());
    }

    @Test
    void aPickleThatWouldRunCodeIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("evil.pth");
        // protocol 2: GLOBAL os.system, the argument 'true', REDUCE — what torch.load would execute
        byte[] pickle = "\u0080\u0002cos\nsystem\nX\u0004\u0000\u0000\u0000trueq\u0000\u0085R.".getBytes(
                StandardCharsets.ISO_8859_1);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("evil/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
        }
        String line = Cli.run("import", file.toString()).assertUsageError();
        assertTrue(line.contains("os") && line.contains("system"), line);
    }

    @Test
    void aBareStateDictIsDescribedNotPassedOverInSilence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bare.pth");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("bare/data.pkl"));
            // {'w': _rebuild_tensor_v2(('storage', FloatStorage, '0', 'cpu', 2), 0, (2,), (1,), False, OrderedDict())}
            zip.write(("\u0080\u0002}(X\u0001\u0000\u0000\u0000wctorch._utils\n_rebuild_tensor_v2\n((X\u0007\u0000\u0000\u0000"
                    + "storagectorch\nFloatStorage\nX\u0001\u0000\u0000\u00000X\u0003\u0000\u0000\u0000cpuK\u0002tQK\u0000"
                    + "K\u0002\u0085K\u0001\u0085\u0089ccollections\nOrderedDict\n)RtRu.").getBytes(StandardCharsets.ISO_8859_1));
            zip.putNextEntry(new ZipEntry("bare/data/0"));
            zip.write(new byte[8]);
            zip.closeEntry();
        }
        Cli.Result r = Cli.run("import", file.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("bare.pth: resnet20 fp32 state dict, 1 tensor, 2 values, no stored accuracy", r.out().strip());
    }

    @Test
    void aStateDictZipBombIsOneLineAndNonZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bomb.pth");
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("bomb/data.pkl"));
            // {'w': a tensor of 2^29 - 1 float32 elements (2 GB)}
            zip.write(("\u0080\u0002}(X\u0001\u0000\u0000\u0000wctorch._utils\n_rebuild_tensor_v2\n((X\u0007\u0000\u0000\u0000"
                    + "storagectorch\nFloatStorage\nX\u0001\u0000\u0000\u00000X\u0003\u0000\u0000\u0000cpuJ\u00ff\u00ff\u00ff\u001ftQK\u0000"
                    + "J\u00ff\u00ff\u00ff\u001f\u0085K\u0001\u0085\u0089ccollections\nOrderedDict\n)RtRu.")
                    .getBytes(StandardCharsets.ISO_8859_1));
            zip.putNextEntry(new ZipEntry("bomb/data/0"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        String line = Cli.run("import", file.toString()).assertUsageError();
        assertTrue(line.contains("storage 0 claims 536870911 elements"), line);
    }
}
