package org.ringlab.ui.ringview;

import java.util.List;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.train.LayerSnapshot;

/** Sums of several layers' snapshots, for the "all layers" picture. */
public final class LayerTotals {
    private LayerTotals() {
    }

    /**
     * One snapshot for the layers that fit {@code ring}: histograms and slot counts summed, rates
     * weighted by positions, code entropy recomputed over the summed codes (the entropy of the
     * whole is not the mean of the parts' entropies). Layers with another ring size, or another
     * sub-bin count than the first that fits, are left out and the name says how many were used.
     */
    public static LayerSnapshot of(List<LayerSnapshot> layers, Ring ring) {
        List<LayerSnapshot> fitting = layers.stream().filter(l -> l.ringSize() == ring.size()).toList();
        if (fitting.isEmpty()) {
            throw new IllegalArgumentException("none of the " + layers.size() + " layers has a ring of "
                    + ring.size() + " slots");
        }
        int subBins = fitting.get(0).subBins();
        fitting = fitting.stream().filter(l -> l.subBins() == subBins).toList();

        int n = ring.size();
        int[] histogram = new int[n * subBins];
        long[] slotCounts = new long[n];
        long positions = 0;
        double changed = 0;
        double near = 0;
        for (LayerSnapshot layer : fitting) {
            int[] h = layer.histogram();
            for (int j = 0; j < h.length; j++) {
                histogram[j] += h[j];
            }
            long[] s = layer.slotCounts();
            for (int k = 0; k < n; k++) {
                slotCounts[k] += s[k];
            }
            positions += layer.positions();
            changed += layer.slotChangeRate() * layer.positions();
            near += layer.shareNearRingValue() * layer.positions();
        }
        String name = fitting.size() == layers.size()
                ? "all " + layers.size() + " layers"
                : fitting.size() + " of " + layers.size() + " layers";
        // NaN (a first snapshot) stays NaN: a sum cannot claim a change rate some layers lack
        double changeRate = positions == 0 ? Double.NaN : changed / positions;
        double nearShare = positions == 0 ? 0 : near / positions;
        return new LayerSnapshot(name, n, subBins, positions, histogram, slotCounts, changeRate,
                entropyOverLevels(ring, slotCounts), nearShare);
    }

    private static double entropyOverLevels(Ring ring, long[] slotCounts) {
        LevelSet levels = LevelSet.of(ring.values());
        long[] levelCounts = new long[levels.count()];
        for (int k = 0; k < slotCounts.length; k++) {
            levelCounts[levels.indexOf(ring.value(k))] += slotCounts[k];
        }
        return BitAccounting.entropyBits(levelCounts);
    }
}
