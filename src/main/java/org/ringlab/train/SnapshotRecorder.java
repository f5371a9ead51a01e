package org.ringlab.train;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.nn.RingLayer;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;

/**
 * Reduces the ring layers' positions to {@link PositionSnapshot}s. Runs on the training thread (the
 * positions are read with toFloatArray between steps) and remembers each layer's previous slots to
 * report how many weights changed slot.
 */
final class SnapshotRecorder {
    /** Soft weights closer than this to a ring value count as "on" it. */
    static final double NEAR_RING_EPSILON = 0.01;

    private final List<RingLayer> layers;
    private final int subBins;
    private final Map<RingLayer, short[]> previousSlots = new IdentityHashMap<>();

    SnapshotRecorder(List<RingLayer> layers, int subBins) {
        this.layers = layers;
        this.subBins = subBins;
    }

    PositionSnapshot record(int step, int epoch, double epochProgress) {
        List<LayerSnapshot> out = new ArrayList<>(layers.size());
        for (RingLayer layer : layers) {
            out.add(layerSnapshot(layer, layer.positions().getArray().toFloatArray()));
        }
        return new PositionSnapshot(step, epoch, epochProgress, out);
    }

    private LayerSnapshot layerSnapshot(RingLayer layer, float[] positions) {
        Ring ring = layer.ring();
        int n = ring.size();
        int bins = n * subBins;
        int[] histogram = new int[bins];
        long[] slotCounts = new long[n];
        short[] slots = new short[positions.length];
        short[] previous = previousSlots.get(layer);
        long changed = 0;
        RingLookupTable table = RingLookupTable.of(ring);
        LevelSet levels = LevelSet.of(ring.values());
        float[] levelValues = levels.levels();
        int[] levelOfSlot = new int[n];
        for (int k = 0; k < n; k++) {
            levelOfSlot[k] = levels.indexOf(ring.value(k));
        }
        long[] levelCounts = new long[levels.count()];
        long near = 0;
        for (int i = 0; i < positions.length; i++) {
            float p = positions[i];
            // bins are centred on slots: slot k owns [k − ½, k + ½) in units of 1/n
            double shifted = ((double) p * n + 0.5) * subBins;
            histogram[(int) Math.floorMod((long) Math.floor(shifted), (long) bins)]++;
            int slot = Math.floorMod((int) Math.floor(p * n + 0.5f), n);
            slots[i] = (short) slot;
            slotCounts[slot]++;
            levelCounts[levelOfSlot[slot]]++;
            if (previous != null && previous[i] != slot) {
                changed++;
            }
            double w = table.soft(p);
            for (float v : levelValues) {
                if (Math.abs(w - v) <= NEAR_RING_EPSILON) {
                    near++;
                    break;
                }
            }
        }
        previousSlots.put(layer, slots);
        double changeRate = previous == null || positions.length == 0 ? Double.NaN : (double) changed / positions.length;
        double nearShare = positions.length == 0 ? 0 : (double) near / positions.length;
        return new LayerSnapshot(layer.layerName(), n, subBins, positions.length, histogram, slotCounts, changeRate,
                BitAccounting.entropyBits(levelCounts), nearShare);
    }
}
