package org.ringlab.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes CIFAR batches as Python pickles, opcode by opcode, the way the real files are written:
 * {@link #numpy2} as Python 3 with NumPy 2 writes {@code pickle.dump(batch, f, protocol=4)} (checked
 * byte for byte against real NumPy 2.4 output in {@code CifarPickleReadingTest}), {@link #python2}
 * as Python 2's cPickle wrote the original {@code cifar-10-batches-py} and {@code cifar-100-python}
 * files (protocol 2, {@code numpy.core.multiarray}, byte strings), from the pickle protocol.
 */
final class CifarPickles {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean memoize;
    private int memo;

    private CifarPickles(boolean memoize) {
        this.memoize = memoize;
    }

    /**
     * A dict {@code {b'<labelKey>': [labels...], b'data': uint8 array of shape}} in protocol 4 as NumPy
     * 2 pickles it; {@code extraLabelKey} (e.g. coarse_labels) gets the same labels when not null.
     */
    static byte[] numpy2(String labelKey, int[] labels, long[] shape, byte[] pixels, String extraLabelKey) {
        CifarPickles p = new CifarPickles(true);
        p.op('}').put().op('(');
        p.labels(labelKey, labels);
        if (extraLabelKey != null) {
            p.labels(extraLabelKey, labels);
        }
        p.shortBytes("data").put();
        p.unicode("numpy._core.multiarray").put().unicode("_reconstruct").put().op(0x93).put();
        int numpy = p.memo;
        p.unicode("numpy").put().unicode("ndarray").put().op(0x93).put();
        p.integer(0).op(0x85).put().shortBytes("b").put().op(0x87).put().op('R').put();
        p.op('(').integer(1).shape(shape).op('h', numpy).unicode("dtype").put().op(0x93).put();
        p.unicode("u1").put().op(0x89, 0x88, 0x87).put().op('R').put();
        p.op('(').integer(3).unicode("|").put().op('N', 'N', 'N').integer(-1).integer(-1).integer(0).op('t').put()
                .op('b');
        p.op(0x89).bytes(pixels).put().op('t').put().op('b');
        p.op('u', '.');
        byte[] body = p.out.toByteArray();
        return ByteBuffer.allocate(11 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0x80).put((byte) 4).put((byte) 0x95).putLong(body.length).put(body).array();
    }

    /** The same dict as Python 2's cPickle wrote it: protocol 2, str keys, the pixels one BINSTRING. */
    static byte[] python2(String labelKey, int[] labels, long[] shape, byte[] pixels) {
        CifarPickles p = new CifarPickles(false);
        p.op(0x80, 2).op('}').binput().op('(');
        p.string("data").binput();
        p.global("numpy.core.multiarray", "_reconstruct").binput().global("numpy", "ndarray").binput();
        p.integer(0).op(0x85).string("b").op(0x87).op('R').binput();
        p.op('(').integer(1).shape(shape).global("numpy", "dtype").binput();
        p.string("u1").integer(0).integer(1).op(0x87).op('R').binput();
        p.op('(').integer(3).string("|").op('N', 'N', 'N').integer(-1).integer(-1).integer(0).op('t').op('b');
        p.op(0x89).op('T').int32(pixels.length).raw(pixels).op('t').op('b');
        p.string(labelKey).binput().op(']').binput();
        p.op('(');
        for (int label : labels) {
            p.integer(label);
        }
        p.op('e');
        p.op('u', '.');
        return p.out.toByteArray();
    }

    private void labels(String key, int[] labels) {
        shortBytes(key).put().op(']').put();
        for (int from = 0; from < labels.length; from += 1000) {
            int to = Math.min(labels.length, from + 1000);
            if (to - from > 1) {
                op('(');
            }
            for (int i = from; i < to; i++) {
                integer(labels[i]);
            }
            op(to - from > 1 ? 'e' : 'a');
        }
    }

    private CifarPickles shape(long[] shape) {
        if (shape.length > 3) {
            op('(');
        }
        for (long d : shape) {
            integer((int) d);
        }
        return shape.length == 1 ? op(0x85).put() : shape.length == 2 ? op(0x86).put()
                : shape.length == 3 ? op(0x87).put() : op('t').put();
    }

    private CifarPickles op(int... codes) {
        for (int c : codes) {
            out.write(c);
        }
        return this;
    }

    /** MEMOIZE, as protocol 4 puts every value in the memo. */
    private CifarPickles put() {
        if (memoize) {
            op(0x94);
            memo++;
        }
        return this;
    }

    private CifarPickles binput() {
        return op('q', ++memo);
    }

    private CifarPickles integer(int v) {
        if (v >= 0 && v < 256) {
            return op('K', v);
        }
        if (v >= 0 && v < 65536) {
            return op('M', v & 0xff, v >> 8);
        }
        return op('J').int32(v);
    }

    private CifarPickles int32(int v) {
        return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
    }

    private CifarPickles raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    private CifarPickles unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return op(0x8c, b.length).raw(b);
    }

    private CifarPickles shortBytes(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return op('C', b.length).raw(b);
    }

    private CifarPickles bytes(byte[] b) {
        return b.length < 256 ? op('C', b.length).raw(b) : op('B').int32(b.length).raw(b);
    }

    private CifarPickles string(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return op('U', b.length).raw(b);
    }

    private CifarPickles global(String module, String name) {
        return op('c').raw((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
