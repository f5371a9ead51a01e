package org.ringlab.export;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A non-ring quantized layer as the {@code .rqm} file stores it: each weight's code (an index into
 * the layer's L distinct codes, packed at b = ceil(log2 L) bits, the bit accounting's fixed-length
 * code) and the side information that turns codes back into the deployed weights:
 *
 * <pre>
 *   w_i = unit[c_i]                  (no groups: a value per code, e.g. TTQ's −W_n, 0, W_p; SLQ's levels)
 *   w_i = unit[c_i] · scale[g(i)]    (groups: e.g. TWN's α per layer or per channel, Tequila's α per group)
 * </pre>
 *
 * where the group of weight i is (i / rowLength)·⌈rowLength/groupSize⌉ + (i mod rowLength)/groupSize
 * (a layer: one row of N; per output channel: rows of fan-in; Tequila: groups inside rows), plus an
 * optional per-output bias some methods fold into the deployed layer. The writer finds the first
 * layout that reproduces every deployed weight exactly (±0 alike), so nothing here is method-specific.
 *
 * @param codes per weight, its index into {@code units}
 * @param units L floats: the value of each code (no groups) or the code itself (groups)
 * @param rowLength 0 without groups
 * @param groupSize 0 without groups
 * @param scales one per group, empty without groups
 * @param extraBias one per output, or null
 */
@SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
record CodedLayer(String name, int[] codes, float[] units, int bits, int rowLength, int groupSize, float[] scales,
        float[] extraBias) {

    /** Groups in a tensor of {@code n} weights cut into rows of {@code rowLength}, each into groups of {@code groupSize}. */
    static long groupCount(long n, int rowLength, int groupSize) {
        if (rowLength <= 0 || groupSize <= 0 || n % rowLength != 0) {
            throw new IllegalArgumentException("rows of " + rowLength + " and groups of " + groupSize + " do not tile "
                    + n + " weights");
        }
        return n / rowLength * ((rowLength + groupSize - 1) / groupSize);
    }

    static int group(int i, int rowLength, int groupSize) {
        int perRow = (rowLength + groupSize - 1) / groupSize;
        return i / rowLength * perRow + i % rowLength / groupSize;
    }

    /** b = ceil(log2 L), 0 for a single code (what bits.json calls the fixed-length code). */
    static int bitsFor(int levels) {
        return levels <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(levels - 1);
    }

    /** Equal as the forward pass sees them: value by value, +0 and −0 alike (a NaN never equals). */
    static boolean sameValues(float[] a, float[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** Floats stored beside the codes: the units, the scales and the folded biases. */
    long sideFloats() {
        return (long) units.length + scales.length + (extraBias == null ? 0 : extraBias.length);
    }

    /** The deployed weights the codes and side information stand for. */
    float[] decode() {
        float[] w = new float[codes.length];
        boolean grouped = rowLength > 0;
        for (int i = 0; i < w.length; i++) {
            float u = units[codes[i]];
            w[i] = grouped ? u * scales[group(i, rowLength, groupSize)] : u;
        }
        return w;
    }

    /**
     * Encodes a layer's deployed weights given each weight's method code.
     *
     * @param rowLengths candidate row lengths for per-group scales, tried in order (fan-in first)
     * @param groupSizes candidate group sizes inside a row (besides the whole row)
     * @throws IllegalArgumentException when no layout reproduces the weights exactly
     */
    static CodedLayer encode(String name, float[] deployed, float[] methodCodes, float[] extraBias, int[] rowLengths,
            int[] groupSizes) {
        TreeSet<Float> distinct = new TreeSet<>();
        for (float c : methodCodes) {
            distinct.add(c == 0f ? 0f : c); // −0 and +0 are one code
        }
        float[] codeValues = new float[distinct.size()];
        int k = 0;
        for (float c : distinct) {
            codeValues[k++] = c;
        }
        int[] codes = new int[methodCodes.length];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = Arrays.binarySearch(codeValues, methodCodes[i] == 0f ? 0f : methodCodes[i]);
        }
        int bits = bitsFor(codeValues.length);
        int n = deployed.length;
        // one scale for the layer, then per row, then per group inside rows: the fewest floats first
        CodedLayer scaled = scaled(name, deployed, codes, codeValues, bits, n, n, extraBias);
        if (scaled != null) {
            return scaled;
        }
        float[] table = table(deployed, codes, codeValues.length);
        if (table != null) {
            return new CodedLayer(name, codes, table, bits, 0, 0, new float[0], extraBias);
        }
        for (int row : rowLengths) {
            if (row <= 0 || n % row != 0) {
                continue;
            }
            CodedLayer perRow = scaled(name, deployed, codes, codeValues, bits, row, row, extraBias);
            if (perRow != null) {
                return perRow;
            }
            for (int g : groupSizes) {
                if (g > 0 && g < row) {
                    CodedLayer perGroup = scaled(name, deployed, codes, codeValues, bits, row, g, extraBias);
                    if (perGroup != null) {
                        return perGroup;
                    }
                }
            }
        }
        throw new IllegalArgumentException("layer " + name + ": its deployed weights are not a function of its codes "
                + "and one scale per layer, per output or per group, so the file cannot store them exactly");
    }

    /** The value of each code when the whole layer shares them, or null when a code has two values. */
    private static float[] table(float[] deployed, int[] codes, int levels) {
        float[] table = new float[levels];
        boolean[] seen = new boolean[levels];
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (!seen[c]) {
                table[c] = deployed[i];
                seen[c] = true;
            } else if (table[c] != deployed[i]) {
                return null;
            }
        }
        return table;
    }

    /** w = code·scale per group, checked value by value, or null. */
    private static CodedLayer scaled(String name, float[] deployed, int[] codes, float[] codeValues, int bits, int row,
            int groupSize, float[] extraBias) {
        int groups = Math.toIntExact(groupCount(deployed.length, row, groupSize));
        float[] scales = new float[groups];
        boolean[] set = new boolean[groups];
        for (int i = 0; i < deployed.length; i++) {
            float code = codeValues[codes[i]];
            int g = group(i, row, groupSize);
            if (!set[g] && code != 0f) {
                scales[g] = deployed[i] / code;
                set[g] = true;
            }
        }
        for (int i = 0; i < deployed.length; i++) {
            float w = codeValues[codes[i]] * scales[group(i, row, groupSize)];
            if (w != deployed[i]) {
                return null;
            }
        }
        return new CodedLayer(name, codes, codeValues, bits, row, groupSize, scales, extraBias);
    }
}
