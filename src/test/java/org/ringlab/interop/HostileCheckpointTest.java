package org.ringlab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.SpecialFiles;

/** Checkpoints built to exhaust memory, overflow the stack or block (issue 16): each fails with one line. */
class HostileCheckpointTest {
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private String failure(Path file) {
        String message = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)).getMessage());
        assertFalse(message.contains("\n"), () -> "not one line: " + message);
        assertTrue(message.startsWith(file.toString()), message);
        return message;
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }

    /** A bare state dict {key_i: tensor of size[i] elements at offset 0 of storage "0"}, not yet STOPped. */
    private static CraftedCheckpoint bareStateDict(int storageElements, int tensors, int size) {
        CraftedCheckpoint c = new CraftedCheckpoint().proto().op('}').op('(');
        for (int i = 0; i < tensors; i++) {
            c.string("t" + i).floatTensor("0", storageElements, 0, new int[] {size}, new int[] {1});
        }
        return c.op('u', '.');
    }

    @Test
    void aValidBareStateDictIsRead() throws Exception {
        Path file = bareStateDict(3, 1, 3).storage("0", 1, 2, 3).write(dir, "ok", true);
        assertArrayEquals(new float[] {1, 2, 3}, TorchCheckpoint.read(file).tensor("t0").floats());
    }

    @Test
    void aZipBombStorageIsRefusedOnItsClaimBeforeInflating() throws Exception {
        // 80 Mi float32 zeros: 320 MiB that deflate to a few MB
        int elements = 80 << 20;
        byte[] pickle = bareStateDict(elements, 1, elements).pickleBytes();
        Path file = dir.resolve("bomb.pth");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED); // a test need not wait for the best bomb
            zip.putNextEntry(new ZipEntry("bomb/data.pkl"));
            zip.write(pickle);
            zip.putNextEntry(new ZipEntry("bomb/data/0"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 4 * elements / zeros.length; i++) {
                zip.write(zeros);
            }
        }
        Files.write(file, out.toByteArray());
        assertTrue(Files.size(file) < 8 << 20, "the bomb is small: " + Files.size(file));

        String message = failure(file);
        assertContains(message, "storage 0 claims 83886080 elements");
        assertContains(message, "the most RingLab reads from one checkpoint");
    }

    @Test
    void manyTensorsViewingOneStorageCannotMultiplyItsSize() throws Exception {
        int elements = 1 << 20;
        Path file = bareStateDict(elements, 70, elements).storageBytes("0", new byte[4 * elements])
                .write(dir, "views", true);

        assertContains(failure(file), "a tensor of size [1048576], which would take the elements read past 67108864");
    }

    @Test
    void moreTensorsThanAnyModelHasAreRefused() throws Exception {
        Path file = bareStateDict(1, 10_001, 1).storage("0", 1).write(dir, "many", true);

        assertContains(failure(file), "holds more than 10000 tensors");
    }

    @Test
    void aFlippedByteInAStoredTensorFailsItsCrc() throws Exception {
        CraftedCheckpoint c = bareStateDict(4, 1, 4).storage("0", 1.5f, 2.5f, 3.5f, 4.5f);
        byte[] zip = c.zipBytes("flip", true);
        byte[] raw = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putFloat(1.5f).putFloat(2.5f).putFloat(3.5f).putFloat(4.5f).array();
        int at = indexOf(zip, raw);
        assertTrue(at > 0, "stored tensor bytes found in the zip");
        zip[at + 5] ^= 0x01;
        Path file = Files.write(dir.resolve("flip.pth"), zip);

        assertContains(failure(file), "the zip entry flip/data/0 is damaged: its CRC-32 is");
    }

    @Test
    void aTensorSizeListThatContainsItselfIsMalformedNotAStackOverflow() throws Exception {
        CraftedCheckpoint c = new CraftedCheckpoint().proto()
                .op(']', 'q', 0)              // L = [], memo 0
                .op('h', 0, 0x85, 'q', 1)     // T = (L,), memo 1
                .op('a')                      // L.append(T): L = [(L,)]
                .global("torch._utils", "_rebuild_tensor_v2").op('(')
                .op('(').string("storage").global("torch", "FloatStorage").string("0").string("cpu").integer(1)
                .op('t', 'Q').integer(0)
                .op('h', 1, 'h', 1, 0x89)     // size and stride: T
                .global("collections", "OrderedDict").op(')', 'R')
                .op('t', 'R', '.');
        Path file = c.storage("0", 1).write(dir, "loop", true);
        assertTrue(c.pickleBytes().length < 200, "a tiny pickle");

        assertContains(failure(file), "tensor size is not a tuple of non-negative ints (item 0 is a list)");
    }

    @Test
    void aDictHoldingAListThatHoldsItselfIsRefused() throws Exception {
        Path file = new CraftedCheckpoint().proto().op('}').string("a")
                .op(']', 'q', 0, 'h', 0, 'a', 's', '.').write(dir, "self", true);

        assertContains(failure(file), "a list, tuple or dict contains itself");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws Exception {
        CraftedCheckpoint c = new CraftedCheckpoint().proto().op('}').string("a").op(')');
        for (int i = 0; i < 10_000; i++) {
            c.op(0x85); // TUPLE1: ((((),),),) …
        }
        Path file = c.op('s', '.').write(dir, "deep", true);

        assertContains(failure(file), "nest more than 32 deep");
    }

    @Test
    void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
        Path fifo = SpecialFiles.fifo(dir, "pipe.pth");
        assertContains(failure(fifo), "is a named pipe (FIFO), not a regular file");
    }

    @Test
    void aFolderOrADeviceIsNamedForWhatItIs() throws IOException {
        assertContains(failure(Files.createDirectory(dir.resolve("folder.pth"))), "is a folder, not a file");
        assertContains(failure(SpecialFiles.devZero()), "is a character device, not a regular file");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
