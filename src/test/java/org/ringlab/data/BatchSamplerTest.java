package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchSamplerTest {

    private static final int SIDE = 32;

    /** {@code count} CIFAR-shaped images of random pixels in 1..255, so a 0 can only be padding. */
    private static ImageDataSet cifarLike(int count) {
        byte[] pixels = TestFiles.randomBytes(count * 3 * SIDE * SIDE, 5);
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] == 0) {
                pixels[i] = 1;
            }
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return ImageDataSet.of("cifar-like", "random", 3, SIDE, SIDE, 10, pixels, labels);
    }

    private static ImageDataSet tiny(int count) {
        byte[] pixels = TestFiles.randomBytes(count * 4, 9);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
        }
        return ImageDataSet.of("tiny", "random", 1, 2, 2, 3, pixels, labels);
    }

    private static List<Batch> all(BatchSampler.Epoch epoch) {
        List<Batch> batches = new ArrayList<>();
        epoch.forEach(batches::add);
        return batches;
    }

    private static int[] order(BatchSampler.Epoch epoch) {
        return all(epoch).stream().flatMapToInt(batch -> Arrays.stream(batch.indices())).toArray();
    }

    @Test
    void lastPartialBatchIsKept() {
        BatchSampler sampler = new BatchSampler(tiny(10), Normalization.MNIST, 4, 1, true, false);

        List<Batch> batches = all(sampler.epoch(0));

        assertEquals(3, sampler.numBatches());
        assertEquals(List.of(4, 4, 2), batches.stream().map(Batch::size).toList());
        assertEquals(2 * 4, batches.get(2).images().length);
        assertEquals(1, new BatchSampler(tiny(4), Normalization.MNIST, 4, 1, true, false).numBatches());
    }

    @Test
    void everyImageOncePerEpoch() {
        BatchSampler sampler = new BatchSampler(tiny(103), Normalization.MNIST, 10, 1, true, false);

        for (int epoch = 0; epoch < 3; epoch++) {
            int[] sorted = order(sampler.epoch(epoch));
            Arrays.sort(sorted);
            assertArrayEquals(java.util.stream.IntStream.range(0, 103).toArray(), sorted);
        }
    }

    @Test
    void sameSeedAndEpochGiveTheSameBatches() {
        ImageDataSet data = cifarLike(20);
        List<Batch> a = all(new BatchSampler(data, Normalization.CIFAR10, 8, 42, true, true).epoch(3));
        List<Batch> b = all(new BatchSampler(data, Normalization.CIFAR10, 8, 42, true, true).epoch(3));

        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i).indices(), b.get(i).indices());
            assertArrayEquals(a.get(i).labels(), b.get(i).labels());
            assertArrayEquals(a.get(i).images(), b.get(i).images());
        }
    }

    @Test
    void otherEpochsAndSeedsShuffleDifferently() {
        BatchSampler sampler = new BatchSampler(tiny(50), Normalization.MNIST, 8, 42, true, false);

        int[] epoch0 = order(sampler.epoch(0));
        assertFalse(Arrays.equals(epoch0, order(sampler.epoch(1))));
        assertFalse(Arrays.equals(epoch0, order(new BatchSampler(tiny(50), Normalization.MNIST, 8, 43, true, false)
                .epoch(0))));
    }

    @Test
    void otherEpochsAugmentDifferently() {
        BatchSampler sampler = new BatchSampler(cifarLike(8), Normalization.CIFAR10, 8, 42, false, true);

        assertFalse(Arrays.equals(sampler.epoch(0).batch(0).images(), sampler.epoch(1).batch(0).images()));
    }

    @Test
    void withoutShuffleTheOrderIsTheDataSetsInEveryEpoch() {
        BatchSampler sampler = new BatchSampler(tiny(7), Normalization.MNIST, 3, 42, false, false);

        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, order(sampler.epoch(0)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, order(sampler.epoch(5)));
    }

    @Test
    void imagesAreNormalisedInNchwOrderWithTheirLabels() {
        ImageDataSet data = cifarLike(5);
        Normalization norm = Normalization.CIFAR10;
        Batch batch = new BatchSampler(data, norm, 4, 1, true, false).epoch(0).batch(0);

        assertEquals(3, batch.channels());
        assertEquals(SIDE, batch.height());
        assertEquals(SIDE, batch.width());
        for (int k = 0; k < batch.size(); k++) {
            int source = batch.indices()[k];
            assertEquals(data.label(source), batch.labels()[k]);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        float expected = norm.normalize(c, data.pixel(source, c, y, x));
                        assertEquals(expected, batch.images()[((k * 3 + c) * SIDE + y) * SIDE + x]);
                    }
                }
            }
        }
    }

    @Test
    void batchesOwnTheirArraysAndDoNotDependOnTheOrderTheyAreMadeIn() {
        BatchSampler.Epoch epoch = new BatchSampler(cifarLike(12), Normalization.CIFAR10, 4, 7, true, true).epoch(2);
        Batch last = epoch.batch(2);
        List<Batch> inOrder = all(epoch);
        Batch again = epoch.batch(2);

        assertArrayEquals(last.images(), inOrder.get(2).images());
        assertNotSame(last.images(), again.images());
        assertNotSame(inOrder.get(1).labels(), inOrder.get(2).labels());
        float before = again.images()[0];
        last.images()[0] = 1e9f;
        assertEquals(before, epoch.batch(2).images()[0]);
    }

    /**
     * Each augmented image must be exactly one of the 9×9×2 crop/flip variants of its source,
     * built here independently: pad with raw 0, cut the window, mirror, then normalise.
     */
    @Test
    void augmentationIsRandomCropWithZeroPaddingThenFlip() {
        ImageDataSet data = cifarLike(40);
        Normalization norm = Normalization.CIFAR10;
        BatchSampler sampler = new BatchSampler(data, norm, 16, 3, true, true);
        Set<Integer> tops = new HashSet<>();
        Set<Integer> lefts = new HashSet<>();
        int flips = 0;
        int images = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            for (Batch batch : sampler.epoch(epoch)) {
                int size = 3 * SIDE * SIDE;
                for (int k = 0; k < batch.size(); k++) {
                    float[] actual = Arrays.copyOfRange(batch.images(), k * size, (k + 1) * size);
                    int[] variant = matchingVariant(data, norm, batch.indices()[k], actual);
                    tops.add(variant[0]);
                    lefts.add(variant[1]);
                    flips += variant[2];
                    images++;
                }
            }
        }
        assertEquals(9, tops.size(), "every crop top 0..8 occurs");
        assertEquals(9, lefts.size(), "every crop left 0..8 occurs");
        assertTrue(flips > images * 0.35 && flips < images * 0.65, flips + " of " + images + " flipped");
    }

    /** @return {top, left, flipped ? 1 : 0} of the one variant equal to {@code actual} */
    private static int[] matchingVariant(ImageDataSet data, Normalization norm, int source, float[] actual) {
        int pad = 4;
        int padded = SIDE + 2 * pad;
        int[][][] canvas = new int[3][padded][padded];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    canvas[c][y + pad][x + pad] = data.pixel(source, c, y, x);
                }
            }
        }
        List<int[]> matches = new ArrayList<>();
        for (int top = 0; top <= 2 * pad; top++) {
            for (int left = 0; left <= 2 * pad; left++) {
                for (int flip = 0; flip < 2; flip++) {
                    float[] variant = new float[3 * SIDE * SIDE];
                    for (int c = 0; c < 3; c++) {
                        for (int y = 0; y < SIDE; y++) {
                            for (int x = 0; x < SIDE; x++) {
                                int cropX = flip == 1 ? SIDE - 1 - x : x;
                                variant[(c * SIDE + y) * SIDE + x] =
                                        norm.normalize(c, canvas[c][y + top][cropX + left]);
                            }
                        }
                    }
                    if (Arrays.equals(variant, actual)) {
                        matches.add(new int[] {top, left, flip});
                    }
                }
            }
        }
        assertEquals(1, matches.size(), "image " + source + " is exactly one crop/flip variant");
        return matches.get(0);
    }

    @Test
    void paddingIsBlackNormalised() {
        ImageDataSet data = cifarLike(64);
        Batch batch = new BatchSampler(data, Normalization.CIFAR10, 64, 1, false, true).epoch(0).batch(0);
        float blackRed = (0f - 0.4914f) / 0.2023f;
        int plane = SIDE * SIDE;

        int padded = 0;
        for (int k = 0; k < batch.size(); k++) {
            for (int p = 0; p < plane; p++) {
                if (batch.images()[k * 3 * plane + p] == blackRed) {
                    padded++;
                }
            }
        }
        // 64 images with offsets drawn from -4..4 in both directions: most have padded rows or columns
        assertTrue(padded > 64 * SIDE, "padded red pixels: " + padded);
        assertEquals(-2.4290657f, blackRed, 1e-6f);
    }

    @Test
    void withoutAugmentationThereIsNoPadding() {
        ImageDataSet data = cifarLike(16);
        float black = Normalization.CIFAR10.normalize(0, 0);

        for (Batch batch : new BatchSampler(data, Normalization.CIFAR10, 16, 1, true, false).epoch(0)) {
            for (float v : batch.images()) {
                assertTrue(v != black);
            }
        }
    }

    @Test
    void flipMirrorsEachRow() {
        // one 1×1×3 image: with padding 4 and width 3, only unshifted crops keep all three pixels
        ImageDataSet data = ImageDataSet.of("row", "", 1, 1, 3, 1, new byte[] {10, 20, 30}, new int[] {0});
        Normalization norm = Normalization.MNIST;
        float[] straight = {norm.normalize(0, 10), norm.normalize(0, 20), norm.normalize(0, 30)};
        float[] mirrored = {norm.normalize(0, 30), norm.normalize(0, 20), norm.normalize(0, 10)};
        BatchSampler sampler = new BatchSampler(data, norm, 1, 11, false, true);

        boolean sawStraight = false;
        boolean sawMirrored = false;
        for (int epoch = 0; epoch < 2000 && !(sawStraight && sawMirrored); epoch++) {
            float[] image = sampler.epoch(epoch).batch(0).images();
            sawStraight |= Arrays.equals(straight, image);
            sawMirrored |= Arrays.equals(mirrored, image);
        }
        assertTrue(sawStraight && sawMirrored, "both the image and its mirror image occur");
    }

    @Test
    void rejectsBadArguments() {
        ImageDataSet data = tiny(4);

        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(data, Normalization.CIFAR10, 2, 0, true, false));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(data, Normalization.MNIST, 0, 0, true, false));
        BatchSampler sampler = new BatchSampler(data, Normalization.MNIST, 2, 0, true, false);
        assertThrows(IllegalArgumentException.class, () -> sampler.epoch(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> sampler.epoch(0).batch(2));
    }
}
