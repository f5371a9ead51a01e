package org.ringlab.data;

/**
 * SplitMix64 pseudo-random numbers. Used instead of {@link java.util.SplittableRandom} because
 * its algorithm is fixed here, so shuffles and augmentations stay reproducible across JDKs.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A seed for an independent stream derived from a base seed and two stream coordinates. */
    static long derive(long seed, long a, long b) {
        return mix(mix(mix(seed) + a * GOLDEN_GAMMA) ^ mix(b + GOLDEN_GAMMA));
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** @return a uniformly distributed int in {@code 0..bound-1} (Lemire's unbiased method) */
    int nextInt(int bound) {
        long product = (nextLong() >>> 32) * bound;
        if ((product & 0xFFFFFFFFL) < bound) {
            long threshold = (1L << 32) % bound;
            while ((product & 0xFFFFFFFFL) < threshold) {
                product = (nextLong() >>> 32) * bound;
            }
        }
        return (int) (product >>> 32);
    }

    boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Fisher–Yates shuffle in place. */
    void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /** @return a random permutation of {@code 0..n-1} */
    int[] permutation(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        shuffle(values);
        return values;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
