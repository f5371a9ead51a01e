package org.ringlab.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ringlab.io.ByteMutation;
import org.ringlab.io.FuzzFolder;
import org.ringlab.io.ReaderOutcome;

/**
 * Property-based fuzzing of the {@code .pth} reader and its restricted unpickler, from a seed shaped
 * like the reference checkpoints (a dict with best_accuracy, epoch and an OrderedDict state dict)
 * and, when the shared folder is beside the checkout, the published ResNet-20 ring-4 checkpoint
 * itself: whatever the bytes, reading gives a checkpoint or a {@link CheckpointException} with one
 * line, never another exception, an Error (stack overflow, out of memory) or a hang.
 */
class CheckpointFuzzTest {
    private static final Path DIR = FuzzFolder.create("ringlab-pth-fuzz");
    private static final byte[] PICKLE = seedPickle();
    /** The published checkpoint's entries by name (data.pkl first), or empty without the shared folder. */
    private static final Map<String, byte[]> PUBLISHED = published();

    /** {'best_accuracy': 89.27, 'epoch': 5, 'model_state_dict': OrderedDict(conv1.weight, bn1.running_mean, …)}. */
    private static byte[] seedPickle() {
        CraftedCheckpoint c = new CraftedCheckpoint().proto().op('}', 'q', 0, '(')
                .string("best_accuracy").op('G').raw(ByteBuffer.allocate(8).putDouble(89.27).array())
                .string("epoch").op('K', 5)
                .string("model_state_dict").global("collections", "OrderedDict").op('q', 1, ')', 'R', 'q', 2, '(')
                .string("conv1.weight").floatTensor("0", 12, 0, new int[] {3, 1, 2, 2}, new int[] {4, 4, 2, 1})
                .string("bn1.running_mean").floatTensor("1", 3, 0, new int[] {3}, new int[] {1})
                .string("bn1.running_var").floatTensor("1", 3, 0, new int[] {3}, new int[] {1})
                .string("linear.weight").floatTensor("0", 12, 6, new int[] {2, 3}, new int[] {3, 1})
                .op('u', 'u', '.');
        return c.pickleBytes();
    }

    private static Map<String, byte[]> published() {
        Path file = Path.of(System.getProperty("ringlab.repo", ".")).resolve("../shared/reference-checkpoints")
                .resolve("best_ResNet20_ring4.pth").normalize();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static CraftedCheckpoint withStorages(CraftedCheckpoint c) {
        return c.storage("0", 0.5f, -1, 2, 0.25f, 3, -0.5f, 1, 1, -2, 4, 0, 8).storage("1", 0.1f, 0.2f, 0.3f);
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        FuzzFolder.delete(DIR);
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return ByteMutation.lists(6);
    }

    @Property
    void mutatedPickleInAnIntactZip(@ForAll("mutations") List<ByteMutation> mutations) throws IOException {
        byte[] pickle = ByteMutation.applyAll(PICKLE, mutations);
        Path file = withStorages(new CraftedCheckpoint().raw(pickle)).write(DIR, "pickle", true);
        read(file);
    }

    @Property
    void mutatedZip(@ForAll("mutations") List<ByteMutation> mutations, @ForAll boolean stored) throws IOException {
        byte[] zip = withStorages(new CraftedCheckpoint().raw(PICKLE)).zipBytes("zip", stored);
        Path file = Files.write(DIR.resolve("zip.pth"), ByteMutation.applyAll(zip, mutations));
        read(file);
    }

    /**
     * The published checkpoint with its data.pkl mutated, every other entry intact (skipped without
     * it). Each try writes and reads a 1 MB checkpoint, about 30 ms, hence fewer tries.
     */
    @Property(tries = 150)
    void mutatedPickleOfThePublishedCheckpoint(@ForAll("mutations") List<ByteMutation> mutations) throws IOException {
        if (PUBLISHED.isEmpty()) {
            return;
        }
        Path file = DIR.resolve("published.pth");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(0);
            for (Map.Entry<String, byte[]> e : PUBLISHED.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getKey().endsWith("/data.pkl") ? ByteMutation.applyAll(e.getValue(), mutations) : e.getValue());
            }
        }
        read(file);
    }

    private static void read(Path file) {
        TorchCheckpoint c = ReaderOutcome.check(() -> TorchCheckpoint.read(file), CheckpointException.class);
        if (c != null) {
            // what the importer and the analysis go on to do with the tensors must hold too
            for (Tensor t : c.stateDict().values()) {
                if (t.size() != (t.dtype() == DType.FLOAT32 ? t.floats().length : t.longs().length)) {
                    throw new AssertionError("tensor of size " + t.size() + " with other data");
                }
            }
            if (c.entries().toString().isEmpty()) { // printable: no container holds itself
                throw new AssertionError("entries print as nothing");
            }
        }
    }
}
