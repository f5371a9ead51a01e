package org.ringlab.pickle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interprets a pickle without running it.
 *
 * <p>A pickle is a program for a stack machine that may import and call any Python function, so
 * "loading" one means executing it. This reader interprets only the opcodes that build plain data
 * (protocols 0-4 as CPython and NumPy emit them for dicts, lists, numbers, strings and bytes) and
 * hands every global, call, BUILD and persistent id to the format's {@link PickleRules}, which allow
 * only what that format needs; everything else is refused before anything happens. Values come out
 * as plain Java: {@code Long}, {@code Double}, {@code Boolean}, {@code String}, {@link PickleBytes},
 * {@code null}, {@code List} (tuples unmodifiable), {@code Map} (insertion-ordered) and whatever the
 * rules build.
 */
public final class PickleReader {

    private static final int MAX_GLOBAL_NAME = 200;
    /**
     * Lists, tuples and dicts inside one another: a state dict or a data batch needs 4 or so. Deeper
     * nesting, or a container holding itself, would only make whoever walks the result (printing,
     * comparing) overflow its stack.
     */
    public static final int MAX_NESTING = 32;
    /**
     * Values a pickle may build: each opcode byte can make an object of 50 bytes or more, so a
     * 150 MB pickle of nothing but empty lists would need gigabytes. CIFAR-100's training batch
     * builds about 150 000 values, a state dict a few thousand.
     */
    public static final int MAX_VALUES = 1 << 21;
    private static final List<Object> EMPTY_TUPLE = Collections.unmodifiableList(new ArrayList<>());

    private final byte[] pickle;
    private final ByteBuffer in;
    private final PickleRules rules;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private int opcodeAt;
    private int values;

    private PickleReader(byte[] pickle, PickleRules rules) {
        this.pickle = pickle;
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
        this.rules = rules;
    }

    /**
     * Interprets {@code pickle} under {@code rules} and returns the object it builds. Byte and
     * string values may share {@code pickle}'s array, which must not change afterwards.
     *
     * @throws PickleException located at the failing opcode's byte offset
     */
    public static Object read(byte[] pickle, PickleRules rules) throws PickleException {
        PickleReader reader = new PickleReader(pickle, rules);
        try {
            return reader.run();
        } catch (PickleException e) {
            throw e.at(reader.opcodeAt);
        }
    }

    private Object run() throws PickleException {
        while (true) {
            if (!in.hasRemaining()) {
                throw malformed("the pickle ends without a STOP opcode (truncated?)");
            }
            opcodeAt = in.position();
            int op = in.get() & 0xff;
            int since = protocolOf(op);
            if (since > rules.maxProtocol()) {
                throw refused("opcode " + describe(op) + " of protocol " + since);
            }
            switch (op) {
                case 0x80 -> { // PROTO
                    int version = u8();
                    if (version > rules.maxProtocol()) {
                        throw refused("pickle protocol " + version + " (only protocol " + rules.maxProtocol()
                                + " and lower are accepted)");
                    }
                }
                case 0x95 -> in(8); // FRAME: only a hint for buffering, the whole pickle is in memory
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
                case ')' -> push(EMPTY_TUPLE); // EMPTY_TUPLE
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
                case 'X' -> push(utf8(length(in(4).getInt() & 0xffffffffL))); // BINUNICODE
                case 0x8c -> push(utf8(u8())); // SHORT_BINUNICODE
                case 0x8d -> push(utf8(length(in(8).getLong()))); // BINUNICODE8
                case 'U', 'C' -> push(bytes(u8())); // SHORT_BINSTRING (Python 2 str), SHORT_BINBYTES
                case 'T' -> push(bytes(length(in(4).getInt()))); // BINSTRING: a signed length
                case 'B' -> push(bytes(length(in(4).getInt() & 0xffffffffL))); // BINBYTES
                case 0x8e -> push(bytes(length(in(8).getLong()))); // BINBYTES8
                case 'q' -> memo.put((long) u8(), peek()); // BINPUT
                case 'r' -> memo.put(in(4).getInt() & 0xffffffffL, peek()); // LONG_BINPUT
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
                case 'h' -> push(memoGet(u8())); // BINGET
                case 'j' -> push(memoGet(in(4).getInt() & 0xffffffffL)); // LONG_BINGET
                case 'c' -> push(global(line(), line())); // GLOBAL
                case 0x93 -> stackGlobal(); // STACK_GLOBAL
                case 'R' -> reduce(); // REDUCE
                case 'b' -> build(); // BUILD
                case 'Q' -> push(rules.persistent(pop())); // BINPERSID
                default -> throw refused("opcode " + describe(op));
            }
        }
    }

    /** The protocol that introduced {@code op}, for the opcodes this reader knows beyond protocol 2. */
    private static int protocolOf(int op) {
        return switch (op) {
            case 'B', 'C' -> 3;
            case 0x8c, 0x8d, 0x8e, 0x93, 0x94, 0x95 -> 4;
            default -> 0;
        };
    }

    // ---- the opcodes with meaning beyond data

    private Object global(String module, String name) throws PickleException {
        Object g = rules.global(module, name);
        if (g == null) {
            throw refused("global '" + module + "." + name + "'");
        }
        return g;
    }

    private void stackGlobal() throws PickleException {
        Object name = pop();
        Object module = pop();
        if (!(module instanceof String m) || !(name instanceof String n)) {
            throw malformed("STACK_GLOBAL on " + describe(module, rules) + " and " + describe(name, rules)
                    + ", not two strings");
        }
        if (m.length() > MAX_GLOBAL_NAME || n.length() > MAX_GLOBAL_NAME) {
            throw malformed("a STACK_GLOBAL name is too long");
        }
        push(global(m, n));
    }

    private void reduce() throws PickleException {
        Object args = pop();
        Object callable = pop();
        if (!(args instanceof List<?> a) || args instanceof ArrayList<?>) {
            throw malformed("arguments of " + describe(callable, rules) + " are " + describe(args, rules)
                    + ", not a tuple");
        }
        push(rules.call(callable, new ArrayList<>(a)));
    }

    private void build() throws PickleException {
        Object state = pop();
        rules.build(peek(), state);
    }

    // ---- containers

    private void appendTo(List<Object> items) throws PickleException {
        if (!(peek() instanceof ArrayList<?>)) {
            throw malformed("APPEND to " + describe(peek(), rules));
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) peek();
        list.addAll(items);
    }

    private void setItems(List<Object> kv) throws PickleException {
        if (!(peek() instanceof LinkedHashMap<?, ?>) || kv.size() % 2 != 0) {
            throw malformed("SETITEM on " + describe(peek(), rules));
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) peek();
        for (int i = 0; i < kv.size(); i += 2) {
            Object key = kv.get(i);
            if (key != null && !(key instanceof String || key instanceof PickleBytes || key instanceof Long
                    || key instanceof Double || key instanceof Boolean)) {
                throw malformed("dict key " + describe(key, rules));
            }
            map.put(key, kv.get(i + 1));
        }
    }

    private static List<Object> tuple(List<Object> items) {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    /**
     * Refuses a container that holds itself or nests deeper than {@link #MAX_NESTING}, walking each
     * container once (heights are remembered), so shared sub-lists cost nothing extra.
     *
     * @return the nesting height of {@code o}: 0 for a plain value
     */
    private int checkNesting(Object o, int depth, Set<Object> onPath, Map<Object, Integer> heights)
            throws PickleException {
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

    private void push(Object o) throws PickleException {
        if (++values > MAX_VALUES) {
            throw malformed("the pickle builds more than " + MAX_VALUES + " values");
        }
        stack.add(o);
    }

    private Object pop() throws PickleException {
        if (stack.isEmpty() || (!marks.isEmpty() && marks.get(marks.size() - 1) == stack.size())) {
            throw malformed("the pickle pops an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws PickleException {
        if (stack.isEmpty()) {
            throw malformed("the pickle reads an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) throws PickleException {
        Object[] items = new Object[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return Arrays.asList(items);
    }

    private List<Object> popToMark() throws PickleException {
        if (marks.isEmpty()) {
            throw malformed("the pickle closes a MARK it never opened");
        }
        int at = marks.remove(marks.size() - 1);
        List<Object> top = stack.subList(at, stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private Object memoGet(long index) throws PickleException {
        if (!memo.containsKey(index)) {
            throw malformed("memo slot " + index + " is read before it is written");
        }
        return memo.get(index);
    }

    /** A length read from the pickle, checked against what is left of it. */
    private int length(long n) throws PickleException {
        if (n < 0 || n > in.remaining()) {
            throw malformed("the pickle ends inside an opcode (truncated?)");
        }
        return (int) n;
    }

    private ByteBuffer in(int n) throws PickleException {
        if (n < 0 || in.remaining() < n) {
            throw malformed("the pickle ends inside an opcode (truncated?)");
        }
        ByteBuffer slice = in.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit(n);
        in.position(in.position() + n);
        return slice;
    }

    private int u8() throws PickleException {
        return in(1).get() & 0xff;
    }

    private long long1() throws PickleException {
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

    private PickleBytes bytes(int length) throws PickleException {
        int at = in.position();
        in(length);
        return new PickleBytes(pickle, at, length);
    }

    private String utf8(int length) throws PickleException {
        ByteBuffer b = in(length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(b).toString();
        } catch (CharacterCodingException e) {
            throw malformed("a string is not valid UTF-8");
        }
    }

    private String line() throws PickleException {
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

    private static PickleException refused(String what) {
        return PickleException.refused(what);
    }

    private static PickleException malformed(String what) {
        return PickleException.malformed(what);
    }

    private static String describe(int op) {
        String name = switch (op) {
            case 'i' -> "INST";
            case 'o' -> "OBJ";
            case 0x81 -> "NEWOBJ";
            case 0x92 -> "NEWOBJ_EX";
            case 0x93 -> "STACK_GLOBAL";
            case 0x94 -> "MEMOIZE";
            case 0x95 -> "FRAME";
            case 0x8c -> "SHORT_BINUNICODE";
            case 0x8d -> "BINUNICODE8";
            case 0x8e -> "BINBYTES8";
            case 'B' -> "BINBYTES";
            case 'C' -> "SHORT_BINBYTES";
            case 0x82 -> "EXT1";
            case 0x83 -> "EXT2";
            case 0x84 -> "EXT4";
            case 'P' -> "PERSID";
            default -> null;
        };
        String hex = String.format("0x%02x", op);
        return name == null ? hex + (op >= 0x20 && op < 0x7f ? " ('" + (char) op + "')" : "") : name + " (" + hex + ")";
    }

    /** A short description of a value for a message: never the value itself, which may be huge or hold itself. */
    public static String describe(Object o, PickleRules rules) {
        String own = rules.describe(o);
        if (own != null) {
            return own;
        }
        if (o == null) {
            return "None";
        }
        if (o instanceof String s) {
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (o instanceof PickleBytes b) {
            return b.toString();
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
        return o instanceof Long || o instanceof Double || o instanceof Boolean
                ? o.getClass().getSimpleName() + " " + o : "a " + o.getClass().getSimpleName();
    }
}
