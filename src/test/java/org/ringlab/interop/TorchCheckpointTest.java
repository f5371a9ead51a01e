package org.ringlab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

class TorchCheckpointTest {
    @TempDir
    Path dir;

    // ---- the published checkpoints

    @Test
    void readsResNet20Ring4AsTheSpecDescribesIt() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_ResNet20_ring4.pth"));
        assertEquals(89.27, c.number("best_accuracy").orElseThrow(), 1e-12);
        assertEquals(155, c.number("epoch").orElseThrow());
        assertEquals(4, c.number("ring_size").orElseThrow());
        assertTrue(c.entries().get("optimizer_state_dict") instanceof Map<?, ?>);

        Map<String, Tensor> sd = c.stateDict();
        assertEquals("conv1.positions", sd.keySet().iterator().next());
        assertArrayEquals(new long[] {432}, sd.get("conv1.positions").shape());
        assertArrayEquals(new long[] {2304}, sd.get("layer1.2.conv2.positions").shape());
        assertArrayEquals(new long[] {512}, sd.get("layer2.0.shortcut.0.positions").shape());
        assertArrayEquals(new long[] {32}, sd.get("layer2.0.shortcut.1.running_var").shape());
        assertArrayEquals(new long[] {36864}, sd.get("layer3.2.conv2.positions").shape());
        assertArrayEquals(new long[] {10, 64}, sd.get("linear.weight").shape());
        assertArrayEquals(new long[] {10}, sd.get("linear.bias").shape());

        Tensor tracked = sd.get("bn1.num_batches_tracked");
        assertEquals(DType.INT64, tracked.dtype());
        assertEquals(0, tracked.rank());
        assertArrayEquals(new long[] {60_996}, tracked.longs());

        assertEquals(21, countEndingWith(sd, ".positions"));
        assertEquals(270_256, sizeEndingWith(sd, ".positions"));
        assertEquals(21, countEndingWith(sd, ".ring_template"));

        float[] expected = Ring.of(RingType.TRIANGLE, 4, RingMode.REFERENCE).values();
        for (String key : sd.keySet()) {
            if (key.endsWith(".ring_template")) {
                assertArrayEquals(bits(expected), bits(sd.get(key).floats()), key);
            }
        }
    }

    @Test
    void readsResNet20Ring8Template() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_ResNet20_ring8.pth"));
        assertEquals(89.99, c.number("best_accuracy").orElseThrow(), 1e-12);
        float[] expected = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE).values();
        assertArrayEquals(bits(expected), bits(c.tensor("layer3.0.conv1.ring_template").floats()));
    }

    @Test
    void readsResNet32Ring4WithoutRingSize() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_ResNet32_ring4.pth"));
        assertEquals(89.29, c.number("best_accuracy").orElseThrow(), 1e-12);
        assertFalse(c.entry("ring_size").isPresent());
        assertEquals(33, countEndingWith(c.stateDict(), ".positions"));
        assertEquals(463_792, sizeEndingWith(c.stateDict(), ".positions"));
    }

    @Test
    void readsTheFp32Checkpoint() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_resnet20_none.pth"));
        assertEquals(91.93, c.number("best_accuracy").orElseThrow(), 1e-12);
        assertArrayEquals(new long[] {16, 3, 3, 3}, c.tensor("conv1.weight").shape());
        assertArrayEquals(new long[] {64, 32, 1, 1}, c.tensor("layer3.0.shortcut.0.weight").shape());
        long convWeights = 0;
        for (Map.Entry<String, Tensor> e : c.stateDict().entrySet()) {
            if (e.getValue().rank() == 4) {
                convWeights += e.getValue().size();
            }
        }
        assertEquals(270_256, convWeights);
        assertArrayEquals(new long[] {46_529}, c.tensor("bn1.num_batches_tracked").longs());
    }

    // ---- layout

    @Test
    void honoursTheStorageOffset() throws IOException {
        Path file = stateDict(t -> t.floatTensor("0", 6, 2, new int[] {2, 2}, new int[] {2, 1}))
                .storage("0", 0f, 1f, 2f, 3f, 4f, 5f).write(dir, "offset");
        Tensor t = TorchCheckpoint.read(file).tensor("w");
        assertArrayEquals(new long[] {2, 2}, t.shape());
        assertArrayEquals(new float[] {2f, 3f, 4f, 5f}, t.floats());
    }

    @Test
    void refusesAStridedView() throws IOException {
        Path file = stateDict(t -> t.floatTensor("0", 4, 0, new int[] {2, 2}, new int[] {1, 2}))
                .storage("0", 0f, 1f, 2f, 3f).write(dir, "strided");
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("not contiguous"), e.getMessage());
    }

    @Test
    void refusesAViewBeyondItsStorage() throws IOException {
        Path file = stateDict(t -> t.floatTensor("0", 4, 2, new int[] {4}, new int[] {1}))
                .storage("0", 0f, 1f, 2f, 3f).write(dir, "overrun");
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("overruns storage 0"), e.getMessage());
    }

    // ---- damaged files

    @Test
    void namesATruncatedStorage() throws IOException {
        Path file = stateDict(t -> t.floatTensor("0", 4, 0, new int[] {4}, new int[] {1}))
                .storage("0", 0f, 1f, 2f).write(dir, "short");
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("short/data/0 holds 12 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("need 16"), e.getMessage());
    }

    @Test
    void namesAMissingStorage() throws IOException {
        Path file = stateDict(t -> t.floatTensor("7", 4, 0, new int[] {4}, new int[] {1})).write(dir, "missing");
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("missing/data/7 is missing"), e.getMessage());
    }

    @Test
    void refusesAZipWithoutDataPkl() throws IOException {
        Path file = dir.resolve("empty.pth");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("empty/data/0"));
            zip.write(new byte[4]);
            zip.closeEntry();
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("no <name>/data.pkl"), e.getMessage());
    }

    @Test
    void refusesATruncatedZip() throws IOException {
        Path whole = stateDict(t -> t.floatTensor("0", 4, 0, new int[] {4}, new int[] {1}))
                .storage("0", 0f, 1f, 2f, 3f).write(dir, "whole");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.pth");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(cut));
        assertTrue(e.getMessage().startsWith(cut.toString()), e.getMessage());
    }

    @Test
    void refusesAPickleWithoutStop() throws IOException {
        Path file = new CraftedCheckpoint().proto().op('}').write(dir, "nostop");
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertTrue(e.getMessage().contains("without a STOP"), e.getMessage());
    }

    // ---- helpers

    private interface Body {
        void write(CraftedCheckpoint c);
    }

    /** {'model_state_dict': OrderedDict(w=<tensor>)}. */
    private static CraftedCheckpoint stateDict(Body tensor) {
        CraftedCheckpoint c = new CraftedCheckpoint().proto().op('}').string("model_state_dict");
        c.global("collections", "OrderedDict").op(')', 'R').string("w");
        tensor.write(c);
        return c.op('s', 's', '.');
    }

    private static long countEndingWith(Map<String, Tensor> sd, String suffix) {
        return sd.keySet().stream().filter(k -> k.endsWith(suffix)).count();
    }

    private static long sizeEndingWith(Map<String, Tensor> sd, String suffix) {
        return sd.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).mapToLong(e -> e.getValue().size()).sum();
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }
}
