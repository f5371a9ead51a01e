package org.ringlab.interop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.ringlab.io.RegularFile;

/**
 * A PyTorch checkpoint ({@code torch.save} zip format) read without Python: the top-level entries
 * ({@code best_accuracy}, {@code epoch}, {@code ring_size}, …) and the model's state dict.
 *
 * <p>The pickle is interpreted by {@link RestrictedUnpickler}, which refuses anything but plain data and
 * tensors; tensor data is copied from the raw little-endian storages in {@code <name>/data/<key>}.
 *
 * <p>Sizes in a checkpoint are claims: the pickle says how many elements a storage and a tensor
 * hold, the zip how many bytes an entry inflates to. Both are checked against the limits below
 * before anything is allocated, entries are read through a cap at their expected size, and every
 * entry's CRC-32 is checked, so a damaged or hostile file fails with one line instead of exhausting
 * memory or loading flipped bits.
 */
public final class TorchCheckpoint {
    /** data.pkl of a ResNet-32 is about 40 KB; anything near this is not a state dict. */
    static final long MAX_PICKLE_BYTES = 4L << 20;
    /**
     * Elements read from the storages, and elements copied into tensors, per checkpoint: 64 Mi
     * (256 MiB of float32), over a hundred times a ResNet-32's 0.47 M.
     */
    static final long MAX_ELEMENTS = 1L << 26;
    /** Tensors per checkpoint; a ResNet-32 state dict has about 200. */
    static final int MAX_TENSORS = 10_000;
    private static final String STATE_DICT_KEY = "model_state_dict";

    private final Path file;
    private final Map<String, Object> entries;
    private final Map<String, Tensor> stateDict;

    private TorchCheckpoint(Path file, Map<String, Object> entries, Map<String, Tensor> stateDict) {
        this.file = file;
        this.entries = entries;
        this.stateDict = stateDict;
    }

    public static TorchCheckpoint read(Path file) throws CheckpointException {
        String problem = RegularFile.problem(file);
        if (problem != null) {
            throw new CheckpointException(file, problem);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String prefix = archivePrefix(file, zip);
            byte[] pickle = readEntry(file, zip, prefix + "data.pkl", MAX_PICKLE_BYTES);
            Map<String, ByteBuffer> storages = new HashMap<>();
            long[] storageElements = {0};
            long[] tensorElements = {0};
            int[] tensorCount = {0};
            RestrictedUnpickler.TensorFactory factory = (ref, offset, size, stride) -> {
                ByteBuffer raw = storages.get(ref.key());
                if (raw == null) {
                    storageElements[0] = withinLimit(file, storageElements[0], ref.numel(),
                            "storage " + ref.key() + " claims " + ref.numel() + " elements");
                    raw = readStorage(file, zip, prefix, ref);
                    storages.put(ref.key(), raw);
                }
                if (++tensorCount[0] > MAX_TENSORS) {
                    throw new CheckpointException(file, "holds more than " + MAX_TENSORS + " tensors, more than RingLab reads");
                }
                tensorElements[0] = withinLimit(file, tensorElements[0], TensorLayout.numel(file, size),
                        "a tensor of size " + Arrays.toString(size));
                return TensorLayout.copy(file, ref, raw, offset, size, stride);
            };
            Object root = RestrictedUnpickler.load(file, pickle, factory);
            return fromRoot(file, root);
        } catch (CheckpointException e) {
            throw e;
        } catch (ZipException e) {
            throw new CheckpointException(file, "not a readable zip archive (a torch.save file is one): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read: " + e, e);
        }
    }

    /** @return {@code used + more}, refusing a sum over {@link #MAX_ELEMENTS} */
    private static long withinLimit(Path file, long used, long more, String what) throws CheckpointException {
        if (more > MAX_ELEMENTS - used) {
            throw new CheckpointException(file, what + ", which would take the elements read past "
                    + MAX_ELEMENTS + " (256 MiB of float32), the most RingLab reads from one checkpoint");
        }
        return used + more;
    }

    /** torch.save puts every entry under one folder named after the file it first wrote. */
    private static String archivePrefix(Path file, ZipFile zip) throws CheckpointException {
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals("data.pkl")) {
                return name.substring(0, slash + 1);
            }
        }
        throw new CheckpointException(file, "has no <name>/data.pkl entry: not a torch.save checkpoint");
    }

    private static ByteBuffer readStorage(Path file, ZipFile zip, String prefix, StorageRef ref)
            throws CheckpointException {
        String name = prefix + "data/" + ref.key();
        if (ref.numel() > Integer.MAX_VALUE / ref.dtype().bytes()) {
            throw new CheckpointException(file, "storage " + name + " claims " + ref.numel() + " elements, more than RingLab reads");
        }
        long expected = ref.numel() * ref.dtype().bytes();
        byte[] bytes = readEntry(file, zip, name, expected);
        if (bytes.length != expected) {
            throw new CheckpointException(file, "storage " + name + " holds " + bytes.length + " bytes, but its "
                    + ref.numel() + " " + ref.dtype() + " elements need " + expected + " (truncated or wrong file?)");
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads an entry, refusing one that claims or turns out to be larger than {@code limit}. */
    private static byte[] readEntry(Path file, ZipFile zip, String name, long limit) throws CheckpointException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new CheckpointException(file, "the zip entry " + name + " is missing");
        }
        if (entry.getSize() > limit) {
            throw new CheckpointException(file, "the zip entry " + name + " holds " + entry.getSize()
                    + " bytes, more than the " + limit + " expected");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            // the declared size may lie: the read itself stops one byte past the limit
            byte[] bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > limit) {
                throw new CheckpointException(file, "the zip entry " + name + " is larger than the " + limit
                        + " bytes expected");
            }
            // java.util.zip.ZipFile checks no CRC, least of all for the stored entries torch.save writes
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw new CheckpointException(file, String.format("the zip entry %s is damaged: its CRC-32 is %08x,"
                        + " the archive says %08x", name, crc.getValue(), entry.getCrc()));
            }
            return bytes;
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(file, "the zip entry " + name + " is damaged or truncated: " + e, e);
        }
    }

    private static TorchCheckpoint fromRoot(Path file, Object root) throws CheckpointException {
        if (!(root instanceof Map<?, ?> map)) {
            throw new CheckpointException(file, "holds no dict at its top level");
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new CheckpointException(file, "has a top-level key that is not a string: " + e.getKey());
            }
            entries.put(key, e.getValue());
        }
        Object state;
        if (entries.containsKey(STATE_DICT_KEY)) {
            state = entries.remove(STATE_DICT_KEY);
        } else if (!entries.isEmpty() && entries.values().stream().allMatch(v -> v instanceof Tensor)) {
            // a bare torch.save(model.state_dict()) is itself the state dict
            state = new LinkedHashMap<>(entries);
            entries.clear();
        } else {
            throw new CheckpointException(file, "has no " + STATE_DICT_KEY + " and is not a bare state dict");
        }
        if (!(state instanceof Map<?, ?> sd)) {
            throw new CheckpointException(file, STATE_DICT_KEY + " is not a dict");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : sd.entrySet()) {
            if (!(e.getKey() instanceof String key) || !(e.getValue() instanceof Tensor t)) {
                throw new CheckpointException(file, STATE_DICT_KEY + " entry " + e.getKey() + " is not a named tensor");
            }
            tensors.put(key, t);
        }
        return new TorchCheckpoint(file, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(tensors));
    }

    public Path file() {
        return file;
    }

    /** Top-level entries other than the state dict, as read: Long, Double, String, Boolean, List, Map, Tensor. */
    public Map<String, Object> entries() {
        return entries;
    }

    /** The model's tensors in the order the checkpoint lists them. */
    public Map<String, Tensor> stateDict() {
        return stateDict;
    }

    public Tensor tensor(String key) throws CheckpointException {
        Tensor t = stateDict.get(key);
        if (t == null) {
            throw new CheckpointException(file, "has no tensor " + key);
        }
        return t;
    }

    /** A numeric top-level entry such as {@code best_accuracy} or {@code epoch}. */
    public OptionalDouble number(String key) {
        return entries.get(key) instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    public Optional<Object> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }
}
