package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDataSetTest {

    /**
     * {@code counts[c]} images of class c, interleaved; each image is 2×1×2 bytes whose first two
     * bytes encode its index, so subset images can be traced back.
     */
    static ImageDataSet dataSet(int... counts) {
        int total = Arrays.stream(counts).sum();
        int[] labels = new int[total];
        int[] left = counts.clone();
        for (int i = 0, c = 0; i < total; c = (c + 1) % counts.length) {
            if (left[c] > 0) {
                left[c]--;
                labels[i++] = c;
            }
        }
        byte[] pixels = new byte[total * 4];
        for (int i = 0; i < total; i++) {
            pixels[4 * i] = (byte) (i >> 8);
            pixels[4 * i + 1] = (byte) i;
            pixels[4 * i + 2] = (byte) 200;
            pixels[4 * i + 3] = (byte) labels[i];
        }
        return ImageDataSet.of("test", "generated", 2, 1, 2, counts.length, pixels, labels);
    }

    private static int originalIndex(ImageDataSet subset, int i) {
        byte[] image = subset.image(i);
        return Byte.toUnsignedInt(image[0]) << 8 | Byte.toUnsignedInt(image[1]);
    }

    @Test
    void subsetTakesTheSameNumberFromEachClass() {
        ImageDataSet subset = dataSet(10, 20, 30, 40).subset(20, 7);

        assertArrayEquals(new int[] {5, 5, 5, 5}, subset.classCounts());
    }

    @Test
    void unevenSubsetDiffersByAtMostOnePerClass() {
        int[] counts = dataSet(10, 20, 30, 40).subset(22, 7).classCounts();

        assertEquals(22, Arrays.stream(counts).sum());
        assertEquals(5, Arrays.stream(counts).min().getAsInt());
        assertEquals(6, Arrays.stream(counts).max().getAsInt());
    }

    @Test
    void smallClassGivesAllItHasAndTheOthersMakeUpTheRest() {
        int[] counts = dataSet(2, 20, 30, 40).subset(40, 3).classCounts();

        assertEquals(2, counts[0]);
        assertEquals(38, counts[1] + counts[2] + counts[3]);
        for (int c = 1; c < 4; c++) {
            assertTrue(counts[c] == 12 || counts[c] == 13, Arrays.toString(counts));
        }
    }

    @Test
    void subsetImagesAreOriginalsInOriginalOrderWithTheirLabels() {
        ImageDataSet all = dataSet(10, 20, 30, 40);
        ImageDataSet subset = all.subset(30, 5);

        int previous = -1;
        for (int i = 0; i < subset.count(); i++) {
            int original = originalIndex(subset, i);
            assertTrue(original > previous, "order kept");
            previous = original;
            assertArrayEquals(all.image(original), subset.image(i));
            assertEquals(all.label(original), subset.label(i));
        }
        assertEquals(all.numClasses(), subset.numClasses());
        assertEquals(all.imageSize(), subset.imageSize());
    }

    @Test
    void subsetDependsOnlyOnTheSeed() {
        ImageDataSet all = dataSet(10, 20, 30, 40);

        int[] a = picks(all.subset(12, 42));
        assertArrayEquals(a, picks(all.subset(12, 42)));
        assertFalse(Arrays.equals(a, picks(all.subset(12, 43))));
    }

    private static int[] picks(ImageDataSet subset) {
        int[] picks = new int[subset.count()];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = originalIndex(subset, i);
        }
        return picks;
    }

    @Test
    void subsetSizeMustFit() {
        ImageDataSet all = dataSet(3, 3);

        assertThrows(IllegalArgumentException.class, () -> all.subset(0, 1));
        assertThrows(IllegalArgumentException.class, () -> all.subset(7, 1));
        assertEquals(6, all.subset(6, 1).count());
    }

    @Test
    void pixelsAreChannelMajor() {
        byte[] pixels = new byte[2 * 3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        ImageDataSet data = ImageDataSet.of("p", "", 3, 2, 2, 1, pixels, new int[] {0, 0});

        // image 1, channel 2, row 1, column 0: 12 + 2*4 + 1*2 + 0
        assertEquals(22, data.pixel(1, 2, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> data.pixel(0, 3, 0, 0));
    }

    @Test
    void isImmutable() {
        byte[] pixels = {1, 2, 3, 4};
        int[] labels = {0, 1};
        ImageDataSet data = ImageDataSet.of("i", "", 1, 1, 2, 2, pixels, labels);

        pixels[0] = 9;
        labels[0] = 1;
        data.labels()[1] = 0;
        data.image(0)[1] = 9;

        assertArrayEquals(new byte[] {1, 2}, data.image(0));
        assertArrayEquals(new int[] {0, 1}, data.labels());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class,
                () -> ImageDataSet.of("x", "", 1, 1, 2, 2, new byte[4], new int[] {0, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> ImageDataSet.of("x", "", 1, 1, 2, 2, new byte[5], new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> ImageDataSet.of("x", "", 1, 1, 2, 2, new byte[0], new int[0]));
    }

    @Test
    void unsignedLabelsUpTo255() {
        ImageDataSet data = ImageDataSet.of("x", "", 1, 1, 1, 256, new byte[1], new int[] {255});

        assertEquals(255, data.label(0));
        assertEquals(1, data.classCounts()[255]);
    }
}
