package org.ringlab.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Cuts a data set into batches of normalised images, epoch by epoch, reproducibly: the same seed
 * and epoch give the same order and the same augmentation, other epochs give others. The last
 * batch of an epoch keeps the leftover images, however few.
 *
 * <p>Augmentation, when on, is torchvision's {@code RandomCrop(size, padding=4)} followed by
 * {@code RandomHorizontalFlip(0.5)} on the raw image: the image is padded with 4 black (raw 0)
 * pixels on every side, a window of the original size is cut at a random offset, and mirrored
 * left-right with probability 1/2; normalisation comes after, so padding becomes {@code
 * (0 - mean) / std}.
 *
 * <p>Each batch draws its augmentation from its own random stream (seed, epoch, batch index), so
 * {@link Epoch#batch(int)} gives the same result whatever order batches are made in, and from
 * any thread.
 */
public final class BatchSampler {

    /** Pixels of zero padding on each side before the random crop. */
    public static final int CROP_PADDING = 4;

    /** Stream id of the shuffle, apart from the batch indices 0, 1, ... that seed augmentation. */
    private static final long ORDER_STREAM = -1;

    private final ImageDataSet data;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final boolean augment;
    private final float[][] tables;

    /**
     * @param normalization must have as many channels as the images
     * @param batchSize at least 1
     * @param shuffle false keeps the data set's order in every epoch
     * @param augment random crop with padding and horizontal flip (usual for CIFAR, not for MNIST)
     */
    public BatchSampler(ImageDataSet data, Normalization normalization, int batchSize, long seed, boolean shuffle,
            boolean augment) {
        this.data = Objects.requireNonNull(data, "data");
        if (normalization.channels() != data.channels()) {
            throw new IllegalArgumentException("normalisation is for " + normalization.channels()
                    + " channels but the images have " + data.channels());
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.seed = seed;
        this.shuffle = shuffle;
        this.augment = augment;
        this.tables = new float[data.channels()][];
        for (int c = 0; c < tables.length; c++) {
            tables[c] = normalization.table(c);
        }
    }

    /** @return batches per epoch, the last one possibly partial */
    public int numBatches() {
        return (data.count() + batchSize - 1) / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    public ImageDataSet data() {
        return data;
    }

    /** @param epoch 0, 1, ...; selects the shuffle and the augmentation */
    public Epoch epoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return new Epoch(epoch);
    }

    /** The batches of one epoch, in order; batches are made on demand and may be made in any order. */
    public final class Epoch implements Iterable<Batch> {

        private final int number;
        private final int[] order;

        private Epoch(int number) {
            this.number = number;
            if (shuffle) {
                order = new SplitMix64(SplitMix64.derive(seed, number, ORDER_STREAM)).permutation(data.count());
            } else {
                order = new int[data.count()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
            }
        }

        public int number() {
            return number;
        }

        public int numBatches() {
            return BatchSampler.this.numBatches();
        }

        /** @return batch {@code index} (0..numBatches-1) of this epoch, freshly allocated */
        public Batch batch(int index) {
            Objects.checkIndex(index, numBatches());
            int start = index * batchSize;
            int size = Math.min(batchSize, order.length - start);
            int imageSize = data.imageSize();
            float[] images = new float[size * imageSize];
            int[] labels = new int[size];
            int[] indices = new int[size];
            SplitMix64 random = augment ? new SplitMix64(SplitMix64.derive(seed, number, index)) : null;
            for (int k = 0; k < size; k++) {
                int source = order[start + k];
                indices[k] = source;
                labels[k] = data.label(source);
                if (augment) {
                    // same draw order as torchvision: crop top, crop left, then flip
                    int dy = random.nextInt(2 * CROP_PADDING + 1) - CROP_PADDING;
                    int dx = random.nextInt(2 * CROP_PADDING + 1) - CROP_PADDING;
                    boolean flip = random.nextBoolean();
                    writeAugmented(source, dy, dx, flip, images, k * imageSize);
                } else {
                    writePlain(source, images, k * imageSize);
                }
            }
            return new Batch(size, data.channels(), data.height(), data.width(), images, labels, indices);
        }

        @Override
        public Iterator<Batch> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < numBatches();
                }

                @Override
                public Batch next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return batch(next++);
                }
            };
        }
    }

    private void writePlain(int source, float[] out, int offset) {
        byte[] pixels = data.rawPixels();
        int plane = data.height() * data.width();
        int in = source * data.imageSize();
        for (float[] table : tables) {
            for (int p = 0; p < plane; p++) {
                out[offset++] = table[pixels[in++] & 0xFF];
            }
        }
    }

    /**
     * Output pixel (y, x) is the original's (y + dy, x' + dx) with x' = width-1-x when flipped,
     * or padding where that falls outside the image.
     */
    private void writeAugmented(int source, int dy, int dx, boolean flip, float[] out, int offset) {
        byte[] pixels = data.rawPixels();
        int height = data.height();
        int width = data.width();
        for (int c = 0; c < tables.length; c++) {
            float[] table = tables[c];
            float padding = table[0];
            int plane = source * data.imageSize() + c * height * width;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                if (sy < 0 || sy >= height) {
                    for (int x = 0; x < width; x++) {
                        out[offset++] = padding;
                    }
                    continue;
                }
                int row = plane + sy * width;
                for (int x = 0; x < width; x++) {
                    int sx = (flip ? width - 1 - x : x) + dx;
                    out[offset++] = sx >= 0 && sx < width ? table[pixels[row + sx] & 0xFF] : padding;
                }
            }
        }
    }
}
