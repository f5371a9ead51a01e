package org.ringlab.interop;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.pickle.PickleException;
import org.ringlab.pickle.PickleReader;
import org.ringlab.pickle.PickleRules;

/**
 * Reads the pickle of a torch state-dict checkpoint without running it.
 *
 * <p>A pickle is a program for a stack machine that may import and call any Python function, so
 * "loading" one means executing it. These are the rules {@link PickleReader} reads it under: the
 * protocol-2 opcodes that {@code torch.save} emits for a dict of tensors and numbers, and only the
 * five globals such a file needs; everything else is refused before anything happens. Values come out as plain Java:
 * {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@code null}, {@code List} (tuples
 * unmodifiable), {@code Map} (insertion-ordered) and {@link Tensor}.
 */
final class RestrictedUnpickler implements PickleRules {
    /** The torch side of a tensor: where its data is and how it is laid out. */
    interface TensorFactory {
        Tensor rebuild(StorageRef storage, long offset, long[] size, long[] stride) throws CheckpointException;
    }

    /** The only callables a state dict needs; a GLOBAL naming anything else stops the read. */
    private enum AllowedGlobal {
        ORDERED_DICT("collections", "OrderedDict"),
        REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2"),
        REBUILD_PARAMETER("torch._utils", "_rebuild_parameter"),
        FLOAT_STORAGE("torch", DType.FLOAT32.storageName()),
        LONG_STORAGE("torch", DType.INT64.storageName());

        final String module;
        final String name;

        AllowedGlobal(String module, String name) {
            this.module = module;
            this.name = name;
        }

        static AllowedGlobal find(String module, String name) {
            for (AllowedGlobal g : values()) {
                if (g.module.equals(module) && g.name.equals(name)) {
                    return g;
                }
            }
            return null;
        }

        DType storageType() {
            return this == FLOAT_STORAGE ? DType.FLOAT32 : this == LONG_STORAGE ? DType.INT64 : null;
        }

        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /** Dimensions of a tensor; torch itself stops at 64, a state dict's tensors have at most 4. */
    private static final int MAX_RANK = 16;
    /** Lists, tuples and dicts inside one another: a state dict needs 4 or so. */
    static final int MAX_NESTING = PickleReader.MAX_NESTING;
    private static final String WHY = "a pickle is a program, and RingLab only interprets the few instructions a"
            + " PyTorch state dict needs, so it refuses this file";

    private final TensorFactory tensors;
    /** A tensor factory's own failure, rethrown as it is once the pickle reader has stopped. */
    private CheckpointException tensorFailure;

    private RestrictedUnpickler(TensorFactory tensors) {
        this.tensors = tensors;
    }

    /** Interprets {@code pickle} and returns the object it builds. */
    static Object load(Path file, byte[] pickle, TensorFactory tensors) throws CheckpointException {
        RestrictedUnpickler rules = new RestrictedUnpickler(tensors);
        try {
            return PickleReader.read(pickle, rules);
        } catch (PickleException e) {
            if (rules.tensorFailure != null) {
                throw rules.tensorFailure;
            }
            throw e.isRefused()
                    ? new CheckpointException(file, "refused " + e.detail() + " at byte " + e.offset() + " of data.pkl: " + WHY)
                    : new CheckpointException(file, "malformed data.pkl at byte " + e.offset() + ": " + e.detail());
        }
    }

    @Override
    public int maxProtocol() {
        return 2;
    }

    @Override
    public String why() {
        return WHY;
    }

    @Override
    public Object global(String module, String name) {
        return AllowedGlobal.find(module, name);
    }

    @Override
    public Object persistent(Object pid) throws PickleException {
        return storage(pid);
    }

    @Override
    public String describe(Object o) {
        if (o instanceof AllowedGlobal g) {
            return "global '" + g + "'";
        }
        if (o instanceof StorageRef) {
            return "a storage";
        }
        return o instanceof Tensor ? "a tensor" : null;
    }

    // ---- the opcodes with meaning beyond data

    @Override
    public Object call(Object callable, List<Object> a) throws PickleException {
        if (!(callable instanceof AllowedGlobal g) || g.storageType() != null) {
            throw refused("REDUCE on " + describeValue(callable) + " (only OrderedDict and tensor rebuilds may be called)");
        }
        return switch (g) {
            case ORDERED_DICT -> {
                if (!a.isEmpty()) {
                    throw refused("OrderedDict called with arguments");
                }
                yield new LinkedHashMap<Object, Object>();
            }
            case REBUILD_TENSOR_V2 -> rebuildTensor(a);
            case REBUILD_PARAMETER -> {
                if (a.size() != 3 || !(a.get(0) instanceof Tensor t)) {
                    throw malformed("_rebuild_parameter expects (tensor, requires_grad, hooks), got " + a.size() + " arguments");
                }
                yield t;
            }
            default -> throw new IllegalStateException(g.toString());
        };
    }

    /** _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]). */
    private Tensor rebuildTensor(List<Object> a) throws PickleException {
        if (a.size() < 6 || a.size() > 7 || !(a.get(0) instanceof StorageRef ref) || !(a.get(1) instanceof Long offset)) {
            throw malformed("_rebuild_tensor_v2 expects (storage, offset, size, stride, requires_grad, hooks)");
        }
        if (a.get(5) instanceof Map<?, ?> hooks && !hooks.isEmpty()) {
            throw refused("a tensor with backward hooks");
        }
        try {
            return tensors.rebuild(ref, offset, longs(a.get(2), "size"), longs(a.get(3), "stride"));
        } catch (CheckpointException e) {
            tensorFailure = e;
            throw PickleException.wrapping(e);
        }
    }

    /**
     * torch pickles a state dict's {@code _metadata} (module versions) as the OrderedDict's instance
     * state; it says nothing about the weights, so a dict state on a dict is accepted and dropped.
     * BUILD on anything else would set attributes on an arbitrary object and is refused.
     */
    @Override
    public void build(Object target, Object state) throws PickleException {
        if (!(target instanceof Map) || !(state == null || state instanceof Map)) {
            throw refused("BUILD of " + describeValue(target) + " with " + describeValue(state));
        }
    }

    /** ('storage', torch.FloatStorage, key, location, numel). */
    private StorageRef storage(Object pid) throws PickleException {
        if (!(pid instanceof List<?> t) || t.size() != 5 || !"storage".equals(t.get(0))) {
            throw refused("persistent id " + describeValue(pid) + " (only ('storage', type, key, location, numel))");
        }
        if (!(t.get(1) instanceof AllowedGlobal g) || g.storageType() == null) {
            throw refused("persistent id with storage type " + describeValue(t.get(1)));
        }
        if (!(t.get(2) instanceof String key) || !key.matches("[0-9A-Za-z_]+")) {
            throw malformed("storage key " + describeValue(t.get(2)) + " is not a plain name");
        }
        if (!(t.get(3) instanceof String location) || !(t.get(4) instanceof Long numel) || numel < 0) {
            throw malformed("persistent id " + describeValue(pid) + " lacks a location or element count");
        }
        return new StorageRef(g.storageType(), key, location, numel);
    }

    private long[] longs(Object o, String what) throws PickleException {
        if (!(o instanceof List<?> l)) {
            throw malformed("tensor " + what + " is " + describeValue(o));
        }
        if (l.size() > MAX_RANK) {
            throw malformed("tensor " + what + " has " + l.size() + " dimensions; RingLab reads at most " + MAX_RANK);
        }
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            // the item is described, never printed: a list may hold itself, and printing it would never end
            if (!(l.get(i) instanceof Long v) || v < 0) {
                throw malformed("tensor " + what + " is not a tuple of non-negative ints (item " + i + " is "
                        + describeValue(l.get(i)) + ")");
            }
            out[i] = v;
        }
        return out;
    }

    private static PickleException refused(String what) {
        return PickleException.refused(what);
    }

    private static PickleException malformed(String what) {
        return PickleException.malformed(what);
    }

    private String describeValue(Object o) {
        return PickleReader.describe(o, this);
    }
}
