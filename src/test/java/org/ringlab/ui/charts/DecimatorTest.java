package org.ringlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimatorTest {

    /** A noisy random walk, the shape of a training curve. */
    private static double[] walk(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[n];
        double level = 0;
        for (int i = 0; i < n; i++) {
            level += random.nextDouble(-1, 1);
            y[i] = level + random.nextDouble(-3, 3);
        }
        return y;
    }

    private static double[][] kept(Decimator decimator) {
        int size = decimator.size();
        double[] xs = new double[size];
        double[] ys = new double[size];
        assertEquals(size, decimator.copyTo(xs, ys), "copyTo writes size() points");
        return new double[][] {xs, ys};
    }

    @Test
    void neverKeepsMoreThanTheCapAfterAnyAdd() {
        for (int cap = Decimator.MIN_POINTS; cap <= 13; cap++) {
            Decimator decimator = new Decimator(cap);
            double[] y = walk(500, cap);
            for (int i = 0; i < y.length; i++) {
                decimator.add(i, y[i]);
                assertTrue(decimator.size() <= cap, "cap " + cap + " after " + (i + 1) + " points");
            }
        }
    }

    @Test
    void aLongRunStaysUnderTheCap() {
        Decimator decimator = new Decimator(4_000);
        double[] y = walk(78_200, 1);
        for (int i = 0; i < y.length; i++) {
            decimator.add(i + 1, y[i]);
        }
        assertEquals(78_200, decimator.count());
        assertTrue(decimator.size() <= 4_000, "kept " + decimator.size());
        assertTrue(decimator.size() > 2_000, "the cap is used, not squandered: kept " + decimator.size());
    }

    @Test
    void keepsEveryPointUntilTheSeriesOutgrowsTheCap() {
        Decimator decimator = new Decimator(10);
        double[] y = {3, 1, 4, 1, 5, 9, 2};
        for (int i = 0; i < y.length; i++) {
            decimator.add(i, y[i]);
        }
        double[][] kept = kept(decimator);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, kept[0]);
        assertArrayEquals(y, kept[1]);
    }

    @Test
    void keepsTheFirstAndLatestPoints() {
        for (int n : new int[] {1, 2, 3, 17, 100, 1_001}) {
            Decimator decimator = new Decimator(8);
            double[] y = walk(n, n);
            for (int i = 0; i < n; i++) {
                decimator.add(10 + i, y[i]);
            }
            double[][] kept = kept(decimator);
            int last = kept[0].length - 1;
            assertEquals(10, kept[0][0], "first x, n=" + n);
            assertEquals(y[0], kept[1][0], "first y, n=" + n);
            assertEquals(10 + n - 1, kept[0][last], "latest x, n=" + n);
            assertEquals(y[n - 1], kept[1][last], "latest y, n=" + n);
        }
    }

    @Test
    void aSpikeAndADipSurviveAmongSeventyEightThousandPoints() {
        Decimator decimator = new Decimator(4_000);
        double[] y = walk(78_200, 2);
        double top = Arrays.stream(y).max().orElseThrow() + 50;
        double bottom = Arrays.stream(y).min().orElseThrow() - 50;
        y[12_345] = top;
        y[54_321] = bottom;
        for (int i = 0; i < y.length; i++) {
            decimator.add(i, y[i]);
        }
        double[][] kept = kept(decimator);
        int topAt = Arrays.binarySearch(kept[0], 12_345);
        int bottomAt = Arrays.binarySearch(kept[0], 54_321);
        assertTrue(topAt >= 0 && kept[1][topAt] == top, "the spike is kept");
        assertTrue(bottomAt >= 0 && kept[1][bottomAt] == bottom, "the dip is kept");
    }

    @Test
    void keptPointsAreInputPointsInXOrderWithBothExtremes() {
        for (int cap = Decimator.MIN_POINTS; cap <= 40; cap += 3) {
            for (int n = 1; n <= 300; n += 37) {
                Decimator decimator = new Decimator(cap);
                double[] y = walk(n, 31L * cap + n);
                for (int i = 0; i < n; i++) {
                    decimator.add(i, y[i]);
                }
                double[][] kept = kept(decimator);
                String where = "cap " + cap + ", n " + n;
                for (int k = 0; k < kept[0].length; k++) {
                    int i = (int) kept[0][k];
                    assertEquals(y[i], kept[1][k], "point " + k + " is the input's, " + where);
                    assertTrue(k == 0 || kept[0][k] > kept[0][k - 1], "x rises, " + where);
                }
                double maxKept = Arrays.stream(kept[1]).max().orElseThrow();
                double minKept = Arrays.stream(kept[1]).min().orElseThrow();
                assertEquals(Arrays.stream(y).max().orElseThrow(), maxKept, where);
                assertEquals(Arrays.stream(y).min().orElseThrow(), minKept, where);
            }
        }
    }

    @Test
    void nonFiniteValuesAreSkipped() {
        Decimator decimator = new Decimator(10);
        decimator.add(0, 1);
        decimator.add(1, Double.NaN);
        decimator.add(2, Double.POSITIVE_INFINITY);
        decimator.add(3, 2);
        assertEquals(2, decimator.count());
        double[][] kept = kept(decimator);
        assertArrayEquals(new double[] {0, 3}, kept[0]);
        assertArrayEquals(new double[] {1, 2}, kept[1]);
    }

    @Test
    void clearEmptiesAndStartsOverAtFullResolution() {
        Decimator decimator = new Decimator(6);
        for (int i = 0; i < 100; i++) {
            decimator.add(i, i);
        }
        decimator.clear();
        assertEquals(0, decimator.size());
        decimator.add(5, 1);
        decimator.add(6, 2);
        double[][] kept = kept(decimator);
        assertArrayEquals(new double[] {5, 6}, kept[0]);
    }

    @Test
    void xGoingBackIsRejected() {
        Decimator decimator = new Decimator(10);
        decimator.add(5, 1);
        assertThrows(IllegalArgumentException.class, () -> decimator.add(4, 1));
    }

    @Test
    void aCapBelowTheMinimumIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Decimator(Decimator.MIN_POINTS - 1));
    }
}
