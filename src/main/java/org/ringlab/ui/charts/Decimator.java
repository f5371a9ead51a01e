package org.ringlab.ui.charts;

import java.util.Arrays;

/**
 * A bounded copy of a growing series for drawing: at most {@code maxPoints} points, however many
 * are added.
 *
 * <p>Points are grouped into buckets of equal count; each bucket keeps its lowest and its highest
 * point, and the series' very first and latest points are always kept. When the buckets would
 * need more than {@code maxPoints}, neighbouring buckets merge pairwise and the bucket size
 * doubles. Min/max rather than a mean because training curves are read for their spikes (a loss
 * blow-up must stay visible at any zoom-out); with a cap of a few thousand points there is more
 * than one bucket per pixel column, so the envelope drawn is that of the full series. Until the
 * series outgrows the cap every point is kept as it is. Full resolution lives in the run's files,
 * not here.
 *
 * <p>x must not decrease from one {@link #add} to the next; non-finite y values are skipped,
 * since a line or a log axis cannot show them.
 */
final class Decimator {

    /** The smallest cap that leaves room for one bucket besides the first and latest points. */
    static final int MIN_POINTS = 4;

    /** How many buckets of two or more points fit: two points each, besides the first and latest. */
    private final int maxBuckets;
    private final int maxSlots;
    private long bucketSize = 1;
    private int buckets;
    private long count;
    private long inLastBucket;

    // per bucket: the index in the series, x and y of its lowest and of its highest point; grown on
    // demand, because most series (one point per epoch) never come near the cap
    private long[] lowIndex = new long[0];
    private double[] lowX = new double[0];
    private double[] lowY = new double[0];
    private long[] highIndex = new long[0];
    private double[] highX = new double[0];
    private double[] highY = new double[0];

    private double firstX;
    private double firstY;
    private double lastX;
    private double lastY;

    Decimator(int maxPoints) {
        if (maxPoints < MIN_POINTS) {
            throw new IllegalArgumentException("maxPoints must be at least " + MIN_POINTS + ", was " + maxPoints);
        }
        maxBuckets = (maxPoints - 2) / 2;
        maxSlots = 2 * maxBuckets;
    }

    /** The number of finite points added so far. */
    long count() {
        return count;
    }

    void add(double x, double y) {
        if (!Double.isFinite(y)) {
            return;
        }
        if (count > 0 && x < lastX) {
            throw new IllegalArgumentException("x went back from " + lastX + " to " + x);
        }
        if (count == 0) {
            firstX = x;
            firstY = y;
        }
        lastX = x;
        lastY = y;
        if (buckets == bucketLimit() && inLastBucket == bucketSize) {
            mergePairs();
        }
        if (buckets == 0 || inLastBucket == bucketSize) {
            startBucket(count, x, y);
        } else {
            extendLastBucket(count, x, y);
        }
        count++;
    }

    void clear() {
        bucketSize = 1;
        buckets = 0;
        count = 0;
        inLastBucket = 0;
    }

    /** The number of points {@link #copyTo} writes. */
    int size() {
        if (count == 0) {
            return 0;
        }
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            n += lowIndex[b] == highIndex[b] ? 1 : 2;
        }
        if (!isKept(0)) {
            n++;
        }
        if (count > 1 && !isKept(count - 1)) {
            n++;
        }
        return n;
    }

    /**
     * Writes the kept points in x order into {@code xs} and {@code ys}, each at least {@link #size()}
     * long, and returns how many it wrote.
     */
    int copyTo(double[] xs, double[] ys) {
        if (count == 0) {
            return 0;
        }
        int n = 0;
        if (!isKept(0)) {
            xs[n] = firstX;
            ys[n++] = firstY;
        }
        for (int b = 0; b < buckets; b++) {
            boolean lowFirst = lowIndex[b] <= highIndex[b];
            xs[n] = lowFirst ? lowX[b] : highX[b];
            ys[n++] = lowFirst ? lowY[b] : highY[b];
            if (lowIndex[b] != highIndex[b]) {
                xs[n] = lowFirst ? highX[b] : lowX[b];
                ys[n++] = lowFirst ? highY[b] : lowY[b];
            }
        }
        if (count > 1 && !isKept(count - 1)) {
            xs[n] = lastX;
            ys[n++] = lastY;
        }
        return n;
    }

    /**
     * Single points cost one slot each, so until the first merge almost twice as many buckets fit:
     * every point is kept as it is until the series outgrows the cap. The limit is odd so that the
     * first merge leaves the last bucket half full rather than the buckets full and at their limit.
     */
    private int bucketLimit() {
        return bucketSize == 1 ? 2 * maxBuckets - 1 : maxBuckets;
    }

    /** Whether the point at this index in the series is one of its bucket's kept extremes. */
    private boolean isKept(long index) {
        int b = (int) (index / bucketSize);
        return lowIndex[b] == index || highIndex[b] == index;
    }

    private void startBucket(long index, double x, double y) {
        if (buckets == lowIndex.length) {
            grow();
        }
        lowIndex[buckets] = index;
        highIndex[buckets] = index;
        lowX[buckets] = x;
        highX[buckets] = x;
        lowY[buckets] = y;
        highY[buckets] = y;
        buckets++;
        inLastBucket = 1;
    }

    private void extendLastBucket(long index, double x, double y) {
        int b = buckets - 1;
        if (y < lowY[b]) {
            lowIndex[b] = index;
            lowX[b] = x;
            lowY[b] = y;
        }
        if (y > highY[b]) {
            highIndex[b] = index;
            highX[b] = x;
            highY[b] = y;
        }
        inLastBucket++;
    }

    private void grow() {
        int capacity = Math.min(maxSlots, Math.max(16, 2 * lowIndex.length));
        lowIndex = Arrays.copyOf(lowIndex, capacity);
        lowX = Arrays.copyOf(lowX, capacity);
        lowY = Arrays.copyOf(lowY, capacity);
        highIndex = Arrays.copyOf(highIndex, capacity);
        highX = Arrays.copyOf(highX, capacity);
        highY = Arrays.copyOf(highY, capacity);
    }

    private void mergePairs() {
        int merged = 0;
        for (int b = 0; b < buckets; b += 2) {
            int low = b;
            int high = b;
            if (b + 1 < buckets) {
                // ties keep the earlier point, as within a bucket
                low = lowY[b + 1] < lowY[b] ? b + 1 : b;
                high = highY[b + 1] > highY[b] ? b + 1 : b;
            }
            lowIndex[merged] = lowIndex[low];
            lowX[merged] = lowX[low];
            lowY[merged] = lowY[low];
            highIndex[merged] = highIndex[high];
            highX[merged] = highX[high];
            highY[merged] = highY[high];
            merged++;
        }
        // every bucket was full, so an odd last one is half of a new, larger bucket
        inLastBucket = buckets % 2 == 0 ? 2 * bucketSize : bucketSize;
        buckets = merged;
        bucketSize *= 2;
    }
}
