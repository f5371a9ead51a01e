package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void mnistStatistics() {
        Normalization n = Normalization.MNIST;

        assertEquals(1, n.channels());
        assertEquals(0.1307f, n.mean(0));
        assertEquals(0.3081f, n.std(0));
        assertEquals(-0.4242129f, n.normalize(0, 0), 1e-6f);
        assertEquals(2.8214865f, n.normalize(0, 255), 1e-6f);
    }

    @Test
    void cifarStatisticsAreTheReferenceImplementations() {
        Normalization n = Normalization.CIFAR10;

        assertEquals(3, n.channels());
        float[] mean = {0.4914f, 0.4822f, 0.4465f};
        float[] std = {0.2023f, 0.1994f, 0.2010f};
        for (int c = 0; c < 3; c++) {
            assertEquals(mean[c], n.mean(c));
            assertEquals(std[c], n.std(c));
        }
        assertEquals(-2.4290657f, n.normalize(0, 0), 1e-6f);
        assertEquals(2.5967903f, n.normalize(1, 255), 1e-6f);
        assertEquals(0.0f, n.normalize(2, 0) + 0.4465f / 0.2010f, 1e-6f);
    }

    @Test
    void everyValueFollowsTheFormula() {
        for (Normalization n : new Normalization[] {Normalization.MNIST, Normalization.CIFAR10}) {
            for (int c = 0; c < n.channels(); c++) {
                for (int v = 0; v < 256; v++) {
                    double expected = (v / 255.0 - n.mean(c)) / n.std(c);
                    assertEquals(expected, n.normalize(c, v), 1e-5, "channel " + c + ", value " + v);
                }
            }
        }
    }

    @Test
    void eachFormatHasItsNormalization() {
        assertSame(Normalization.MNIST, DataFormat.IDX.normalization());
        assertSame(Normalization.CIFAR10, DataFormat.CIFAR10.normalization());
    }

    @Test
    void rejectsMismatchedOrNonPositiveStatistics() {
        assertThrows(IllegalArgumentException.class, () -> Normalization.of(new float[] {0.5f}, new float[] {0.2f, 0.2f}));
        assertThrows(IllegalArgumentException.class, () -> Normalization.of(new float[] {0.5f}, new float[] {0f}));
        assertThrows(IllegalArgumentException.class, () -> Normalization.of(new float[0], new float[0]));
    }

    @Test
    void copiesItsInput() {
        float[] mean = {0.5f};
        Normalization n = Normalization.of(mean, new float[] {0.5f});
        mean[0] = 0.9f;

        assertEquals(0.5f, n.mean(0));
        assertEquals(-1f, n.normalize(0, 0));
    }
}
