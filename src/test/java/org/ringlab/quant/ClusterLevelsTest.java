package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SLQ/MLQ's k-means levels and freezing rules, and the incremental schedule, on hand-computed cases. */
class ClusterLevelsTest {
    private static final float[] W14 = {0.9f, -0.05f, 0.3f, -0.6f, 0.02f, 0.14f, -0.95f, 0.5f, 0.2f, -0.25f, 0.7f,
        -0.42f, -0.31f, 0.01f};

    private static int[] free(int n) {
        int[] codes = new int[n];
        Arrays.fill(codes, ClusterLevels.FREE);
        return codes;
    }

    @Test
    void levelCountsAndPowerOfTwoStartFollowTheOfficialCode() {
        assertEquals(17, ClusterLevels.levelCount(5));
        assertEquals(3, ClusterLevels.levelCount(2));
        assertThrows(IllegalArgumentException.class, () -> ClusterLevels.levelCount(1));
        // max|w| = 0.95: n_max = 2^⌊log2 0.95⌋ = 0.5
        assertArrayEquals(new float[] {0, 0.5f, -0.5f, 0.25f, -0.25f}, ClusterLevels.powerOfTwoStart(W14, 5), 0f);
        assertArrayEquals(new float[] {0, 4, -4}, ClusterLevels.powerOfTwoStart(new float[] {5f, -1f}, 3), 0f);
        assertArrayEquals(new float[] {0, 1, -1}, ClusterLevels.powerOfTwoStart(new float[] {0f, 0f}, 3), 0f,
                "an all-zero layer starts at n_max = 1");
    }

    @Test
    void lloydKeepsZeroExactAndConverges() {
        float[] levels = ClusterLevels.lloyd(W14, free(14), ClusterLevels.powerOfTwoStart(W14, 5),
                ClusterLevels.LLOYD_ITERATIONS);
        // clusters {0.9, 0.5, 0.7}, {−0.6, −0.95}, {0.3, 0.14, 0.2}, {−0.25, −0.42, −0.31}; zero stays
        assertArrayEquals(new float[] {0, 2.1f / 3, -0.775f, 0.64f / 3, -0.98f / 3}, levels, 1e-6f);
        assertEquals(0f, levels[0], 0f);
    }

    @Test
    void levelsHoldingAFrozenWeightDoNotMove() {
        int[] codes = free(14);
        codes[0] = 1; // 0.9 frozen at level 1
        float[] levels = ClusterLevels.lloyd(W14, codes, new float[] {0, 0.5f, -0.5f, 0.25f, -0.25f}, 10);
        assertEquals(0.5f, levels[1], 0f);
        assertEquals(-0.775f, levels[2], 1e-6f);
    }

    @Test
    void slqFreezesWholeClustersByLowestLossAndCutsTheLastByDistance() {
        float[] levels = ClusterLevels.lloyd(W14, free(14), ClusterLevels.powerOfTwoStart(W14, 5), 10);
        int[] codes = free(14);
        // mean (w − c)²: zero cluster 0.0010, {0.3, 0.14, 0.2} 0.0044, {−0.25, −0.42, −0.31} 0.0050, ...
        assertEquals(7, ClusterLevels.freeze(W14, codes, levels, 7, ClusterLevels.Portion.CLUSTERS));
        int f = ClusterLevels.FREE;
        assertArrayEquals(new int[] {f, 0, 3, f, 0, 3, f, f, 3, f, f, f, 4, 0}, codes,
                "the zero cluster, the small positive one, then −0.31, nearest its level −0.3267");
        assertEquals(0, ClusterLevels.freeze(W14, codes, levels, 5, ClusterLevels.Portion.CLUSTERS),
                "frozen weights are never thawed");
    }

    @Test
    void mlqFreezesTheWeightsNearestTheirLevelFirst() {
        float[] w = {0.9f, -0.05f, 0.3f, -0.6f, 0.02f, 0.14f, -0.95f, 0.5f};
        float[] levels = ClusterLevels.lloyd(w, free(8), ClusterLevels.powerOfTwoStart(w, 3), 10);
        assertArrayEquals(new float[] {0, 1.7f / 3, -0.775f}, levels, 1e-6f);
        int[] codes = free(8);
        ClusterLevels.freeze(w, codes, levels, 4, ClusterLevels.Portion.WEIGHTS);
        int f = ClusterLevels.FREE;
        // |w − c|: 0.02 → 0.02, −0.05 → 0.05, 0.5 → 0.067, 0.14 → 0.14; the others are farther
        assertArrayEquals(new int[] {f, 0, f, f, 0, 0, f, 1}, codes);
        ClusterLevels.freeze(w, codes, levels, 8, ClusterLevels.Portion.WEIGHTS);
        assertArrayEquals(new int[] {1, 0, 1, 2, 0, 0, 2, 1}, codes);
    }

    @Test
    void theScheduleHalvesTheFreeShareEachStageAndStaggersLayerGroups() {
        IncrementalSchedule one = new IncrementalSchedule(4, 1);
        double[] progress = {0, 0.24, 0.25, 0.5, 0.74, 0.75, 1};
        double[] share = {0.5, 0.5, 0.75, 0.875, 0.875, 1, 1};
        for (int i = 0; i < progress.length; i++) {
            assertEquals(share[i], one.share(progress[i], 0, 4), 1e-12, "at " + progress[i]);
        }
        assertEquals(1, one.stage(0, 3, 4));
        assertEquals(4, one.stage(1, 3, 4));
        // 2 stages, 3 groups over 6 layers: stage 1 spans [0, 0.5), each group moves a sixth later
        IncrementalSchedule staggered = new IncrementalSchedule(2, 3);
        assertEquals(0, staggered.group(1, 6));
        assertEquals(2, staggered.group(5, 6));
        assertEquals(0.5, staggered.share(0, 0, 6), 1e-12);
        assertEquals(0, staggered.share(0, 2, 6), 1e-12, "group 1 waits");
        assertEquals(0.5, staggered.share(0.2, 2, 6), 1e-12);
        assertEquals(0, staggered.share(0.2, 5, 6), 1e-12);
        assertEquals(0.5, staggered.share(0.5, 5, 6), 1e-12, "stage 2 starts: group 2 reaches stage 1's share");
        assertEquals(1, staggered.share(0.5, 0, 6), 1e-12);
        assertEquals(1, staggered.share(1, 5, 6), 1e-12, "every layer ends fully frozen");
        assertThrows(IllegalArgumentException.class, () -> new IncrementalSchedule(0, 1));
    }
}
