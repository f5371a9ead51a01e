package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.RingLayer;
import org.ringlab.nn.quantizer.LatentAxis;
import org.ringlab.nn.quantizer.ReferenceLine;
import org.ringlab.nn.quantizer.RingQuantizer;
import org.ringlab.nn.quantizer.WeightQuantizer;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.CodeHistogram;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.quant.RingLookupTable;

/**
 * Reduces the quantized layers to {@link PositionSnapshot}s: ring layers to their position histogram,
 * other methods to the histogram of their latent coordinate (docs/methods/latents.md#latent-coordinate). Runs on the
 * training thread (values are read with toFloatArray between steps) and remembers each layer's previous codes to
 * report how many weights changed code.
 */
final class SnapshotRecorder {
    /** Soft weights closer than this to a ring value count as "on" it. */
    static final double NEAR_RING_EPSILON = 0.01;

    /** Bins of a latent histogram. */
    static final int LATENT_BINS = 120;

    private final List<QuantizedLayer> layers;
    private final int subBins;
    private final IdentityHashMap<QuantizedLayer, short[]> previousSlots = new IdentityHashMap<>();
    private final IdentityHashMap<QuantizedLayer, int[]> previousCodes = new IdentityHashMap<>();

    SnapshotRecorder(List<QuantizedLayer> layers, int subBins) {
        this.layers = layers;
        this.subBins = subBins;
    }

    PositionSnapshot record(int step, int epoch, double epochProgress) {
        List<LayerSnapshot> out = new ArrayList<>(layers.size());
        for (QuantizedLayer layer : layers) {
            if (layer instanceof RingLayer ring) {
                LayerSnapshot s = layerSnapshot(ring, ring.positions().getArray().toFloatArray());
                if (ring.quantizer().variant() == RingQuantizer.Variant.ANNEAL) {
                    // σ over time is what distinguishes the annealed ring; the ring view keeps its fields
                    LatentHistogram latent = latent(layer);
                    s = new LayerSnapshot(s.layer(), s.ringSize(), s.subBins(), s.positions(), s.histogram(),
                            s.slotCounts(), s.slotChangeRate(), s.codeEntropyBits(), s.shareNearRingValue(), latent);
                }
                out.add(s);
            } else {
                LatentHistogram latent = latent(layer);
                out.add(new LayerSnapshot(layer.layerName(), 0, 0, layer.weightCount(), new int[0],
                        latent.codeCounts(), latent.codeChangeRate(), latent.codeEntropyBits(), Double.NaN, latent));
            }
        }
        return new PositionSnapshot(step, epoch, epochProgress, out);
    }

    /** The latent coordinate binned on the method's axis, plus deployed-code statistics and scalars. */
    private LatentHistogram latent(QuantizedLayer layer) {
        WeightQuantizer q = layer.quantizer();
        double progress = layer.progress();
        float[] latent;
        float[] codes;
        Map<String, Double> scalars;
        NDManager owner = q.latent().getArray().getManager();
        try (NDManager scratch = owner.newSubManager()) {
            List<NDArray> values = layer.borrowValues(scratch);
            latent = q.latentCoordinate(values, progress, scratch).toFloatArray();
            codes = q.codes(values, progress, scratch).toFloatArray();
            scalars = q.scalars(values, progress);
        }
        if (layer.inputQuantizer() != null && !layer.inputQuantizer().scalars().isEmpty()) {
            // the learned activation step or clip (docs/methods/activations.md) is followed beside the weights' own
            Map<String, Double> all = new java.util.LinkedHashMap<>(scalars);
            all.putAll(layer.inputQuantizer().scalars());
            scalars = all;
        }
        LatentAxis axis = q.axis(progress);
        int[] bins = new int[LATENT_BINS];
        double scale = LATENT_BINS / (axis.max() - axis.min());
        for (float v : latent) {
            int b = Double.isNaN(v) ? 0 : (int) Math.floor((v - axis.min()) * scale);
            bins[Math.max(0, Math.min(LATENT_BINS - 1, b))]++;
        }
        CodeHistogram histogram = CodeHistogram.of(codes);
        int[] index = histogram.indexOf(codes);
        int[] previous = previousCodes.get(layer);
        double changeRate = Double.NaN;
        if (previous != null && previous.length == index.length && index.length > 0) {
            long changed = 0;
            for (int i = 0; i < index.length; i++) {
                if (previous[i] != index[i]) {
                    changed++;
                }
            }
            changeRate = (double) changed / index.length;
        }
        previousCodes.put(layer, index);
        List<LatentHistogram.Line> lines = new ArrayList<>();
        for (ReferenceLine l : axis.lines()) {
            lines.add(new LatentHistogram.Line(l.at(), l.label()));
        }
        return new LatentHistogram(axis.coordinate(), axis.min(), axis.max(), bins, lines, axis.inferred(),
                histogram.counts(), changeRate, histogram.entropyBits(), scalars);
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
        // an annealed ring's soft weights follow its current σ (exact per weight: no table per σ step)
        RingQuantizer quantizer = layer.quantizer();
        RingInterpolation annealed = quantizer.variant() == RingQuantizer.Variant.ANNEAL
                ? new RingInterpolation(Ring.of(ring.type(), n, ring.mode(), quantizer.sigmaAt(layer.progress())))
                : null;
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
            double w = annealed != null ? annealed.softExact(p) : table.soft(p);
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
