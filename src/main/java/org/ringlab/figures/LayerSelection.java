package org.ringlab.figures;

import java.util.List;
import org.ringlab.quant.Ring;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.PositionSnapshot;

/**
 * One layer of one position snapshot of a ring run, with the run's ring: what the ring and
 * histogram figures draw.
 */
public record LayerSelection(Ring ring, PositionSnapshot snapshot, LayerSnapshot layer) {

    /**
     * @param layerName the layer, or null for the first one
     * @param step the snapshot's training step, or null for the last snapshot
     * @throws IllegalArgumentException naming what exists when the run, layer or step does not fit
     */
    public static LayerSelection of(RunData run, String layerName, Integer step) {
        if (!run.hasRing()) {
            throw new IllegalArgumentException("run " + run.label() + " is FP32: it has no ring positions to draw");
        }
        List<PositionSnapshot> snapshots = run.snapshots();
        if (snapshots.isEmpty()) {
            throw new IllegalArgumentException("run " + run.label() + " recorded no position snapshots");
        }
        PositionSnapshot snapshot = step == null ? snapshots.get(snapshots.size() - 1)
                : snapshots.stream().filter(s -> s.step() == step).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("run " + run.label() + " has no snapshot at step " + step
                                + "; steps " + steps(snapshots)));
        if (snapshot.layers().isEmpty()) {
            throw new IllegalArgumentException("the snapshot at step " + snapshot.step() + " holds no layers");
        }
        LayerSnapshot layer = layerName == null ? snapshot.layers().get(0)
                : snapshot.layers().stream().filter(l -> l.layer().equals(layerName)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException("no ring layer '" + layerName + "' in run " + run.label()
                                + "; layers " + snapshot.layers().stream().map(LayerSnapshot::layer).toList()));
        Ring ring = ModelBuilder.ring(run.config());
        if (layer.ringSize() != ring.size()) {
            throw new IllegalArgumentException("layer " + layer.layer() + " has " + layer.ringSize()
                    + " slots but the run's ring has " + ring.size());
        }
        return new LayerSelection(ring, snapshot, layer);
    }

    private static String steps(List<PositionSnapshot> snapshots) {
        int first = snapshots.get(0).step();
        int last = snapshots.get(snapshots.size() - 1).step();
        return snapshots.size() <= 8 ? snapshots.stream().map(PositionSnapshot::step).toList().toString()
                : first + ".." + last + " (" + snapshots.size() + " snapshots)";
    }

    /** A caption such as "conv1, step 938 (epoch 2)". */
    public String caption() {
        return layer.layer() + ", step " + snapshot.step() + " (epoch " + snapshot.epoch() + ")";
    }

    /** The position p in [0, 1) at the middle of histogram bin j: slot k's bins straddle p = k/n. */
    public double binCentrePosition(int bin) {
        int m = layer.subBins();
        double u = (bin + 0.5) / m - 0.5;
        double p = u / layer.ringSize();
        return p - Math.floor(p);
    }
}
