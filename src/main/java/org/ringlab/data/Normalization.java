package org.ringlab.data;

import java.util.Arrays;

/**
 * Per-channel normalisation {@code (pixel / 255 - mean[c]) / std[c]}, computed in float
 * arithmetic in the same order as torchvision's {@code ToTensor()} followed by {@code
 * Normalize(mean, std)}, so inputs match the reference implementation's.
 */
public final class Normalization {

    /** MNIST family (MNIST, Fashion-MNIST, KMNIST, EMNIST): one channel. */
    public static final Normalization MNIST = of(new float[] {0.1307f}, new float[] {0.3081f});

    /** CIFAR-10: the reference implementation's per-channel statistics (R, G, B). */
    public static final Normalization CIFAR10 =
            of(new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2023f, 0.1994f, 0.2010f});

    /**
     * CIFAR-100: the per-channel statistics of its training split that CIFAR-100 training recipes
     * use (R, G, B).
     */
    public static final Normalization CIFAR100 =
            of(new float[] {0.5071f, 0.4865f, 0.4409f}, new float[] {0.2673f, 0.2564f, 0.2762f});

    private final float[] mean;
    private final float[] std;
    /** One 256-entry table per channel: normalising is then a lookup per pixel. */
    private final float[][] tables;

    private Normalization(float[] mean, float[] std) {
        this.mean = mean;
        this.std = std;
        this.tables = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int v = 0; v < 256; v++) {
                tables[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
    }

    /**
     * @param mean per-channel mean of pixels scaled to [0, 1]
     * @param std per-channel standard deviation, each &gt; 0
     */
    public static Normalization of(float[] mean, float[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("need one mean and one std per channel, got "
                    + mean.length + " means and " + std.length + " stds");
        }
        for (int c = 0; c < mean.length; c++) {
            if (!Float.isFinite(mean[c]) || !(std[c] > 0) || !Float.isFinite(std[c])) {
                throw new IllegalArgumentException("channel " + c + ": mean must be finite and std positive"
                        + " and finite, got mean " + mean[c] + ", std " + std[c]);
            }
        }
        return new Normalization(mean.clone(), std.clone());
    }

    /** @return the number of channels this normalisation is for */
    public int channels() {
        return mean.length;
    }

    /** @return the mean of {@code channel}, for pixels scaled to [0, 1] */
    public float mean(int channel) {
        return mean[channel];
    }

    /** @return the standard deviation of {@code channel}, for pixels scaled to [0, 1] */
    public float std(int channel) {
        return std[channel];
    }

    /** @return the normalised value of raw unsigned pixel {@code raw} (0..255) in {@code channel} */
    public float normalize(int channel, int raw) {
        return tables[channel][raw];
    }

    /** The lookup table of {@code channel}, indexed by raw pixel value; callers must not modify it. */
    float[] table(int channel) {
        return tables[channel];
    }

    @Override
    public String toString() {
        return "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
    }
}
