package org.ringlab.data;

import java.util.List;
import org.ringlab.pickle.PickleBytes;
import org.ringlab.pickle.PickleException;
import org.ringlab.pickle.PickleReader;
import org.ringlab.pickle.PickleRules;

/**
 * The rules a CIFAR Python batch is read under: plain data plus the NumPy globals that rebuild a
 * uint8 array ({@code numpy.core.multiarray._reconstruct} as NumPy 1 and the Python 2 originals
 * write it, {@code numpy._core.multiarray._reconstruct} as NumPy 2 does, {@code numpy.ndarray} and
 * {@code numpy.dtype}). Nothing else may be imported, called or built.
 */
final class NumpyPickleRules implements PickleRules {

    static final String WHY = "a pickle is a program, and RingLab only interprets the few instructions a CIFAR"
            + " batch of NumPy arrays needs, so it refuses this file";
    /** Dimensions of an array: a batch's pixels have 2 (N x 3072) or 4 (N x 3 x 32 x 32). */
    private static final int MAX_RANK = 4;

    private enum Global {
        RECONSTRUCT, NDARRAY, DTYPE
    }

    /** A NumPy array being rebuilt: empty after {@code _reconstruct}, filled by BUILD. */
    static final class NumpyArray {
        private long[] shape;
        private PickleBytes data;

        /** @return the shape, or null when BUILD never filled the array */
        long[] shape() {
            return shape == null ? null : shape.clone();
        }

        /** @return the raw uint8 values in C order, or null when BUILD never filled the array */
        PickleBytes data() {
            return data;
        }
    }

    /** A NumPy dtype; only {@code u1} (uint8) is accepted. */
    private static final class NumpyDtype {
        private final String code;

        NumpyDtype(String code) {
            this.code = code;
        }
    }

    @Override
    public int maxProtocol() {
        return 4;
    }

    @Override
    public String why() {
        return WHY;
    }

    @Override
    public Object global(String module, String name) {
        if (name.equals("_reconstruct")
                && (module.equals("numpy.core.multiarray") || module.equals("numpy._core.multiarray"))) {
            return Global.RECONSTRUCT;
        }
        if (module.equals("numpy") && name.equals("ndarray")) {
            return Global.NDARRAY;
        }
        return module.equals("numpy") && name.equals("dtype") ? Global.DTYPE : null;
    }

    @Override
    public Object call(Object callable, List<Object> args) throws PickleException {
        if (callable == Global.RECONSTRUCT) {
            // _reconstruct(ndarray, (0,), b'b'): an empty array that BUILD then fills
            if (args.size() != 3 || args.get(0) != Global.NDARRAY) {
                throw PickleException.refused("_reconstruct of anything but numpy.ndarray");
            }
            return new NumpyArray();
        }
        if (callable == Global.DTYPE) {
            String code = args.isEmpty() ? null : text(args.get(0));
            if (code == null) {
                throw PickleException.malformed("numpy.dtype called without a type code");
            }
            return new NumpyDtype(code);
        }
        throw PickleException.refused("REDUCE on " + describeValue(callable)
                + " (only numpy's _reconstruct and dtype may be called)");
    }

    @Override
    public void build(Object target, Object state) throws PickleException {
        if (target instanceof NumpyDtype) {
            // (3, '|', None, None, None, -1, -1, 0): byte order and field layout, all fixed for uint8
            if (!(state instanceof List<?> s) || s.isEmpty() || !(s.get(0) instanceof Long)) {
                throw PickleException.malformed("the state of a numpy.dtype is " + describeValue(state));
            }
            return;
        }
        if (!(target instanceof NumpyArray array) || array.shape != null) {
            throw PickleException.refused("BUILD of " + describeValue(target) + " with " + describeValue(state));
        }
        // (1, shape, dtype, is_fortran, raw bytes)
        if (!(state instanceof List<?> s) || s.size() != 5 || !Long.valueOf(1).equals(s.get(0))) {
            throw PickleException.malformed("the state of a numpy array is " + describeValue(state)
                    + ", not (1, shape, dtype, is_fortran, data)");
        }
        if (!(s.get(2) instanceof NumpyDtype dtype)) {
            throw PickleException.malformed("the dtype of a numpy array is " + describeValue(s.get(2)));
        }
        if (!dtype.code.equals("u1")) {
            throw PickleException.refused("a numpy array of dtype '" + dtype.code + "' (CIFAR pixels are uint8, 'u1')");
        }
        if (!Boolean.FALSE.equals(s.get(3)) && !Long.valueOf(0).equals(s.get(3))) {
            throw PickleException.refused("a Fortran-ordered numpy array");
        }
        if (!(s.get(4) instanceof PickleBytes data)) {
            throw PickleException.malformed("the data of a numpy array is " + describeValue(s.get(4)) + ", not bytes");
        }
        long[] shape = shape(s.get(1));
        long elements = 1;
        for (long d : shape) {
            elements = Math.multiplyHigh(elements, d) != 0 ? Long.MAX_VALUE : elements * d;
        }
        if (elements != data.length()) {
            throw PickleException.malformed("a numpy array of shape " + java.util.Arrays.toString(shape) + " holds "
                    + data.length() + " bytes, not " + elements);
        }
        array.shape = shape;
        array.data = data;
    }

    private long[] shape(Object o) throws PickleException {
        if (!(o instanceof List<?> l) || l.size() > MAX_RANK) {
            throw PickleException.malformed("the shape of a numpy array is " + describeValue(o)
                    + ", not a tuple of at most " + MAX_RANK + " sizes");
        }
        long[] shape = new long[l.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(l.get(i) instanceof Long d) || d < 0) {
                throw PickleException.malformed("the shape of a numpy array has " + describeValue(l.get(i)) + " as size");
            }
            shape[i] = d;
        }
        return shape;
    }

    @Override
    public String describe(Object value) {
        if (value instanceof Global g) {
            return switch (g) {
                case RECONSTRUCT -> "global 'numpy._reconstruct'";
                case NDARRAY -> "global 'numpy.ndarray'";
                case DTYPE -> "global 'numpy.dtype'";
            };
        }
        if (value instanceof NumpyArray) {
            return "a numpy array";
        }
        return value instanceof NumpyDtype ? "a numpy dtype" : null;
    }

    private String describeValue(Object o) {
        return PickleReader.describe(o, this);
    }

    /** A name as Python 3 writes it (str) or as Python 2 did (bytes, read as Latin-1). */
    static String text(Object o) {
        return o instanceof PickleBytes b ? b.latin1() : o instanceof String s ? s : null;
    }
}
