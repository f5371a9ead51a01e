package org.ringlab.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pickle of a torch state-dict checkpoint without running it.
 *
 * <p>A pickle is a program for a stack machine that may import and call any Python function, so
 * "loading" one means executing it. This reader interprets only the protocol-2 opcodes that
 * {@code torch.save} emits for a dict of tensors and numbers, and resolves only the five globals such
 * a file needs; everything else is refused before anything happens. Values come out as plain Java:
 * {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@code null}, {@code List} (tuples
 * unmodifiable), {@code Map} (insertion-ordered) and {@link Tensor}.
 */
final class RestrictedUnpickler {
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

    private static final int MAX_GLOBAL_NAME = 200;
    /** Dimensions of a tensor; torch itself stops at 64, a state dict's tensors have at most 4. */
    private static final int MAX_RANK = 16;
    /**
     * Lists, tuples and dicts inside one another: a state dict needs 4 or so. Deeper nesting, or a
     * container holding itself, would only make whoever walks the result (printing, comparing)
     * overflow its stack.
     */
    static final int MAX_NESTING = 32;
    private static final String WHY = "a pickle is a program, and RingLab only interprets the few instructions a"
            + " PyTorch state dict needs, so it refuses this file";

    private final Path file;
    private final ByteBuffer in;
    private final TensorFactory tensors;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int opcodeAt;

    private RestrictedUnpickler(Path file, byte[] pickle, TensorFactory tensors) {
        this.file = file;
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
        this.tensors = tensors;
    }

    /** Interprets {@code pickle} and returns the object it builds. */
    static Object load(Path file, byte[] pickle, TensorFactory tensors) throws CheckpointException {
        return new RestrictedUnpickler(file, pickle, tensors).run();
    }

    private Object run() throws CheckpointException {
        while (true) {
            if (!in.hasRemaining()) {
                throw malformed("the pickle ends without a STOP opcode (truncated data.pkl?)");
            }
            opcodeAt = in.position();
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> { // PROTO
                    int version = u8();
                    if (version > 2) {
                        throw refused("pickle protocol " + version + " (only protocol 2 is accepted)");
                    }
                }
                case '.' -> { // STOP
                    Object result = pop();
                    if (!stack.isEmpty() || !marks.isEmpty()) {
                        throw malformed("the pickle stops with " + stack.size() + " values left on its stack");
                    }
                    checkNesting(result, 0, Collections.newSetFromMap(new IdentityHashMap<>()), new IdentityHashMap<>());
                    return result;
                }
                case '(' -> marks.add(stack.size()); // MARK
                case '}' -> push(new LinkedHashMap<Object, Object>()); // EMPTY_DICT
                case ']' -> push(new ArrayList<Object>()); // EMPTY_LIST
                case ')' -> push(tuple(List.of())); // EMPTY_TUPLE
                case 't' -> push(tuple(popToMark())); // TUPLE
                case 0x85 -> push(tuple(popN(1))); // TUPLE1
                case 0x86 -> push(tuple(popN(2))); // TUPLE2
                case 0x87 -> push(tuple(popN(3))); // TUPLE3
                case 'a' -> appendTo(List.of(pop())); // APPEND
                case 'e' -> appendTo(popToMark()); // APPENDS
                case 's' -> setItems(popN(2)); // SETITEM
                case 'u' -> setItems(popToMark()); // SETITEMS
                case 'J' -> push((long) in(4).getInt()); // BININT
                case 'K' -> push((long) u8()); // BININT1
                case 'M' -> push((long) (in(2).getShort() & 0xffff)); // BININT2
                case 0x8a -> push(long1()); // LONG1
                case 'G' -> push(in(8).order(ByteOrder.BIG_ENDIAN).getDouble()); // BINFLOAT
                case 0x88 -> push(true); // NEWTRUE
                case 0x89 -> push(false); // NEWFALSE
                case 'N' -> push(null); // NONE
                case 'X' -> push(utf8(in(4).getInt())); // BINUNICODE
                case 'q' -> memo.put((long) u8(), peek()); // BINPUT
                case 'r' -> memo.put(in(4).getInt() & 0xffffffffL, peek()); // LONG_BINPUT
                case 'h' -> push(memoGet(u8())); // BINGET
                case 'j' -> push(memoGet(in(4).getInt() & 0xffffffffL)); // LONG_BINGET
                case 'c' -> push(global()); // GLOBAL
                case 'R' -> reduce(); // REDUCE
                case 'b' -> build(); // BUILD
                case 'Q' -> push(storage(pop())); // BINPERSID
                default -> throw refused("opcode " + describe(op));
            }
        }
    }

    // ---- the opcodes with meaning beyond data

    private AllowedGlobal global() throws CheckpointException {
        String module = line();
        String name = line();
        AllowedGlobal g = AllowedGlobal.find(module, name);
        if (g == null) {
            throw refused("global '" + module + "." + name + "'");
        }
        return g;
    }

    private void reduce() throws CheckpointException {
        Object args = pop();
        Object callable = pop();
        if (!(callable instanceof AllowedGlobal g) || g.storageType() != null) {
            throw refused("REDUCE on " + describeValue(callable) + " (only OrderedDict and tensor rebuilds may be called)");
        }
        List<Object> a = tupleArg(args, "arguments of " + g);
        push(switch (g) {
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
        });
    }

    /** _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]). */
    private Tensor rebuildTensor(List<Object> a) throws CheckpointException {
        if (a.size() < 6 || a.size() > 7 || !(a.get(0) instanceof StorageRef ref) || !(a.get(1) instanceof Long offset)) {
            throw malformed("_rebuild_tensor_v2 expects (storage, offset, size, stride, requires_grad, hooks)");
        }
        if (a.get(5) instanceof Map<?, ?> hooks && !hooks.isEmpty()) {
            throw refused("a tensor with backward hooks");
        }
        return tensors.rebuild(ref, offset, longs(a.get(2), "size"), longs(a.get(3), "stride"));
    }

    /**
     * torch pickles a state dict's {@code _metadata} (module versions) as the OrderedDict's instance
     * state; it says nothing about the weights, so a dict state on a dict is accepted and dropped.
     * BUILD on anything else would set attributes on an arbitrary object and is refused.
     */
    private void build() throws CheckpointException {
        Object state = pop();
        Object target = peek();
        if (!(target instanceof Map) || !(state == null || state instanceof Map)) {
            throw refused("BUILD of " + describeValue(target) + " with " + describeValue(state));
        }
    }

    /** ('storage', torch.FloatStorage, key, location, numel). */
    private StorageRef storage(Object pid) throws CheckpointException {
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

    // ---- containers

    private void appendTo(List<Object> items) throws CheckpointException {
        if (!(peek() instanceof ArrayList<?>)) {
            throw malformed("APPEND to " + describeValue(peek()));
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) peek();
        list.addAll(items);
    }

    private void setItems(List<Object> kv) throws CheckpointException {
        if (!(peek() instanceof LinkedHashMap<?, ?>) || kv.size() % 2 != 0) {
            throw malformed("SETITEM on " + describeValue(peek()));
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) peek();
        for (int i = 0; i < kv.size(); i += 2) {
            Object key = kv.get(i);
            if (key != null && !(key instanceof String || key instanceof Long || key instanceof Double
                    || key instanceof Boolean)) {
                throw malformed("dict key " + describeValue(key));
            }
            map.put(key, kv.get(i + 1));
        }
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    private List<Object> tupleArg(Object o, String what) throws CheckpointException {
        if (!(o instanceof List<?> l) || o instanceof ArrayList<?>) {
            throw malformed(what + " are " + describeValue(o) + ", not a tuple");
        }
        return new ArrayList<>(l);
    }

    private long[] longs(Object o, String what) throws CheckpointException {
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

    /**
     * Refuses a container that holds itself or nests deeper than {@link #MAX_NESTING}, walking each
     * container once (heights are remembered), so shared sub-lists cost nothing extra.
     *
     * @return the nesting height of {@code o}: 0 for a plain value
     */
    private int checkNesting(Object o, int depth, Set<Object> onPath, Map<Object, Integer> heights)
            throws CheckpointException {
        if (!(o instanceof List<?> || o instanceof Map<?, ?>)) {
            return 0;
        }
        Integer known = heights.get(o);
        if (known == null) {
            if (onPath.contains(o)) {
                throw malformed("a list, tuple or dict contains itself");
            }
            if (depth >= MAX_NESTING) {
                throw malformed("lists, tuples and dicts nest more than " + MAX_NESTING + " deep");
            }
            onPath.add(o);
            int height = 0;
            for (Object child : o instanceof Map<?, ?> m ? m.values() : (List<?>) o) {
                height = Math.max(height, checkNesting(child, depth + 1, onPath, heights));
            }
            onPath.remove(o);
            known = height + 1;
            heights.put(o, known);
        }
        if (depth + known > MAX_NESTING) {
            throw malformed("lists, tuples and dicts nest more than " + MAX_NESTING + " deep");
        }
        return known;
    }

    // ---- stack, memo and raw input

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() throws CheckpointException {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size())) {
            throw malformed("the pickle pops an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws CheckpointException {
        if (stack.isEmpty()) {
            throw malformed("the pickle reads an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) throws CheckpointException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return java.util.Arrays.asList(items);
    }

    private List<Object> popToMark() throws CheckpointException {
        if (marks.isEmpty()) {
            throw malformed("the pickle closes a MARK it never opened");
        }
        int at = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(at, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private Object memoGet(long index) throws CheckpointException {
        if (!memo.containsKey(index)) {
            throw malformed("memo slot " + index + " is read before it is written");
        }
        return memo.get(index);
    }

    private ByteBuffer in(int n) throws CheckpointException {
        if (n < 0 || in.remaining() < n) {
            throw malformed("the pickle ends inside an opcode (truncated data.pkl?)");
        }
        ByteBuffer slice = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit(n);
        in.position(in.position() + n);
        return slice;
    }

    private int u8() throws CheckpointException {
        return in(1).get() & 0xff;
    }

    private long long1() throws CheckpointException {
        int n = u8();
        if (n > 8) {
            throw malformed("LONG1 of " + n + " bytes does not fit 64 bits");
        }
        ByteBuffer b = in(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b.get(i) & 0xffL) << (8 * i);
        }
        if (n > 0 && n < 8 && (b.get(n - 1) & 0x80) != 0) {
            v |= -1L << (8 * n); // sign-extend two's complement
        }
        return v;
    }

    private String utf8(int length) throws CheckpointException {
        ByteBuffer b = in(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(b).toString();
        } catch (CharacterCodingException e) {
            throw malformed("a string is not valid UTF-8");
        }
    }

    private String line() throws CheckpointException {
        StringBuilder s = new StringBuilder();
        while (true) {
            if (!in.hasRemaining() || s.length() > MAX_GLOBAL_NAME) {
                throw malformed("a GLOBAL name is unterminated or too long");
            }
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                return s.toString();
            }
            s.append(c);
        }
    }

    // ---- messages

    private CheckpointException refused(String what) {
        return new CheckpointException(file, "refused " + what + " at byte " + opcodeAt + " of data.pkl: " + WHY);
    }

    private CheckpointException malformed(String what) {
        return new CheckpointException(file, "malformed data.pkl at byte " + opcodeAt + ": " + what);
    }

    private static String describe(int op) {
        String name = switch (op) {
            case 'i' -> "INST";
            case 'o' -> "OBJ";
            case 0x81 -> "NEWOBJ";
            case 0x92 -> "NEWOBJ_EX";
            case 0x93 -> "STACK_GLOBAL";
            case 0x82 -> "EXT1";
            case 0x83 -> "EXT2";
            case 0x84 -> "EXT4";
            case 'P' -> "PERSID";
            default -> null;
        };
        String hex = String.format("0x%02x", op);
        return name == null ? hex + (op >= 0x20 && op < 0x7f ? " ('" + (char) op + "')" : "") : name + " (" + hex + ")";
    }

    private static String describeValue(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof AllowedGlobal g) {
            return "global '" + g + "'";
        }
        if (o instanceof String s) {
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (o instanceof ArrayList<?>) {
            return "a list";
        }
        if (o instanceof List<?>) {
            return "a tuple";
        }
        if (o instanceof Map<?, ?>) {
            return "a dict";
        }
        if (o instanceof StorageRef) {
            return "a storage";
        }
        return o instanceof Tensor ? "a tensor" : o.getClass().getSimpleName() + " " + o;
    }
}
