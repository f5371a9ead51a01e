package org.ringlab.probe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The discrimination measures on features whose answer is known by hand or by brute force over pairs. */
class DiscriminationTest {

    @Test
    void twoClassesOnALine() {
        // class 0 at 0 and 2, class 1 at 10 and 12: every same-class pair is 2 apart (4 squared); the
        // cross pairs are 10, 12, 8, 10 apart (100, 144, 64, 100: mean 102) → D = 102 / 4
        double[][] x = {{0}, {2}, {10}, {12}};
        int[] y = {0, 0, 1, 1};
        Discrimination.Measure m = Discrimination.of(x, y, 2);
        assertEquals(25.5, m.d(), 1e-12);
        // class means 1 and 11 around 6: tr(S_B) = 2·25 + 2·25 = 100, tr(S_W) = 4 · 1 = 4
        assertEquals(25.0, m.j(), 1e-12);
    }

    @Test
    void closedFormEqualsTheMeanOverAllPairs() {
        Random random = new Random(7);
        int[] counts = {5, 9, 2};
        int n = 16;
        double[][] x = new double[n][3];
        int[] y = new int[n];
        int row = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int i = 0; i < counts[c]; i++, row++) {
                y[row] = c;
                for (int k = 0; k < 3; k++) {
                    x[row][k] = c + random.nextGaussian() * (k + 1);
                }
            }
        }
        double same = 0;
        double sameN = 0;
        double other = 0;
        double otherN = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double d2 = 0;
                for (int k = 0; k < 3; k++) {
                    d2 += (x[i][k] - x[j][k]) * (x[i][k] - x[j][k]);
                }
                if (y[i] == y[j]) {
                    same += d2;
                    sameN++;
                } else {
                    other += d2;
                    otherN++;
                }
            }
        }
        assertEquals((other / otherN) / (same / sameN), Discrimination.of(x, y, 3).d(), 1e-9);
    }

    @Test
    void labelsUnrelatedToTheFeaturesGiveAboutOne() {
        // without class structure both expectations are 2·tr(Σ): D ≈ 1
        Random random = new Random(3);
        int n = 4000;
        double[][] x = new double[n][8];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(10);
            for (int k = 0; k < 8; k++) {
                x[i][k] = random.nextGaussian() * (k + 1);
            }
        }
        assertEquals(1.0, Discrimination.of(x, y, 10).d(), 0.01);
    }

    @Test
    void separatedClassesScoreHigherThanMixedOnes() {
        double[][] apart = {{-1, 0}, {-1.2, 0.1}, {1, 0}, {1.1, -0.1}};
        double[][] mixed = {{-1, 0}, {1, 0.1}, {-1.1, 0}, {1.1, -0.1}};
        int[] y = {0, 0, 1, 1};
        assertTrue(Discrimination.of(apart, y, 2).d() > 10);
        assertTrue(Discrimination.of(mixed, y, 2).d() < 1);
    }

    @Test
    void allEqualFeaturesAreNoMeasurement() {
        // binary features thresholded above every value: all 0, so 0/0 must not read as 0 or ∞
        double[][] x = Discrimination.binary(new double[][] {{0.1}, {0.2}, {0.3}, {0.4}}, 100);
        Discrimination.Measure m = Discrimination.of(x, new int[] {0, 0, 1, 1}, 2);
        assertTrue(Double.isNaN(m.d()) && Double.isNaN(m.j()), m.toString());
        assertTrue(Double.isNaN(Discrimination.of(new double[][] {{1}, {2}}, new int[] {0, 1}, 2).d()),
                "one image per class: no same-class pair");
    }

    @Test
    void standardisationGivesZeroMeanUnitVarianceAndZerosAConstantDimension() {
        double[][] s = Discrimination.standardized(new double[][] {{1, 5}, {3, 5}, {5, 5}});
        // mean 3, variance 8/3: (1 − 3)/√(8/3) = −√1.5
        assertArrayEquals(new double[] {-Math.sqrt(1.5), 0}, s[0], 1e-12);
        assertEquals(0, s[1][0], 1e-12);
        assertEquals(0, s[0][0] + s[2][0], 1e-12);
        assertEquals(1, (s[0][0] * s[0][0] + s[2][0] * s[2][0]) / 3, 1e-12);
        // D does not change with a per-dimension rescaling after standardisation
        double[][] x = {{0, 1}, {2, 3}, {10, 2}, {12, 7}};
        double[][] scaled = {{0, 100}, {20, 300}, {100, 200}, {120, 700}};
        int[] y = {0, 0, 1, 1};
        assertEquals(Discrimination.of(Discrimination.standardized(x), y, 2).d(),
                Discrimination.of(Discrimination.standardized(scaled), y, 2).d(), 1e-12);
    }

    @Test
    void thresholdQuantizersFollowThePaper() {
        // mean |x| = 1, τ = κ·1
        double[][] x = {{-2, -0.5, 0.5, 2}};
        assertArrayEquals(new double[] {0, 0, 0, 1}, Discrimination.binary(x, 1)[0]);
        assertArrayEquals(new double[] {-1, 0, 0, 1}, Discrimination.ternary(x, 1)[0]);
        assertArrayEquals(new double[] {-1, -1, 1, 1}, Discrimination.ternary(x, 0.25)[0]);
        assertEquals(List.of("layer1.0", "fc1", "layer1.0.conv1+layer2.0.conv1"),
                List.of(FeatureCapture.commonPrefix(List.of("layer1.0.conv1", "layer1.0.conv2", "layer1.0.shortcut.0")),
                        FeatureCapture.commonPrefix(List.of("fc1")),
                        FeatureCapture.commonPrefix(List.of("layer1.0.conv1", "layer2.0.conv1"))));
    }
}
