package org.ringlab.quant;

import java.util.List;

/**
 * Truthful bit and compression figures (docs/methods/bits.md#compression): what is stored for inference, not what a
 * paper's title says.
 */
public final class BitAccounting {
    private BitAccounting() {
    }

    /** ceil(log2 L) for L distinct levels; a single level needs no bits. */
    public static int fixedLengthBits(int levels) {
        if (levels < 1) {
            throw new IllegalArgumentException("a code needs at least one level, got " + levels);
        }
        return levels == 1 ? 0 : 32 - Integer.numberOfLeadingZeros(levels - 1);
    }

    /** Shannon entropy, in bits, of a histogram of code counts. */
    public static double entropyBits(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return 0.0;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double q = (double) c / total;
                h -= q * Math.log(q);
            }
        }
        return h / Math.log(2);
    }

    /** One quantized tensor: how many weights it has and how many bits each really costs. */
    public record QuantizedTensor(String name, long weights, double bitsPerWeight, long sideInfoFloats) {
        public double storedBits() {
            return weights * bitsPerWeight + 32.0 * sideInfoFloats;
        }
    }

    /** Compression of the quantized tensors alone: 32·N_q / Σ(b_l·N_l + side information). */
    public static double weightsOnlyRatio(List<QuantizedTensor> tensors) {
        long n = 0;
        double bits = 0;
        for (QuantizedTensor t : tensors) {
            n += t.weights();
            bits += t.storedBits();
        }
        return bits == 0 ? Double.POSITIVE_INFINITY : 32.0 * n / bits;
    }

    /**
     * Whole-model compression: 32·N_total / (Σ b_l·N_l + 32·N_fp), where N_fp counts every parameter
     * left in float (BatchNorm affine, biases, float first/last layers).
     */
    public static double wholeModelRatio(List<QuantizedTensor> tensors, long floatParameters) {
        long n = floatParameters;
        double bits = 32.0 * floatParameters;
        for (QuantizedTensor t : tensors) {
            n += t.weights();
            bits += t.storedBits();
        }
        return 32.0 * n / bits;
    }
}
