package org.ringlab.ui.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.ringlab.train.LatentHistogram;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;

/**
 * The method's scalars over training, per layer: what each snapshot's latent histogram recorded
 * (TTQ's W_p and W_n, LSQ's step, BitNet's λ, the ring's σ, SLQ's frozen share and stage, STQ's
 * depth, an activation step or clip). Plain data, no JavaFX: the scalars chart draws it.
 */
public final class ScalarTracks {
    /** One layer's values of one scalar, at the snapshots that recorded it (arrays the chart reads, never writes). */
    @SuppressWarnings("ArrayRecordComponent")
    public record Track(String layer, double[] steps, double[] values) {
    }

    private final Map<String, List<Track>> byName;

    private ScalarTracks(Map<String, List<Track>> byName) {
        this.byName = byName;
    }

    /** Every scalar any layer recorded, in snapshot order; a layer that skipped a snapshot has no point there. */
    public static ScalarTracks of(List<PositionSnapshot> snapshots) {
        TreeSet<String> names = new TreeSet<>();
        List<String> layers = new ArrayList<>();
        for (PositionSnapshot s : snapshots) {
            for (LayerSnapshot l : s.layers()) {
                if (l.latent() != null) {
                    names.addAll(l.latent().scalars().keySet());
                }
                if (!layers.contains(l.layer())) {
                    layers.add(l.layer());
                }
            }
        }
        Map<String, List<Track>> byName = new LinkedHashMap<>();
        for (String name : names) {
            List<Track> tracks = new ArrayList<>();
            for (String layer : layers) {
                double[] steps = new double[snapshots.size()];
                double[] values = new double[snapshots.size()];
                int n = 0;
                for (PositionSnapshot s : snapshots) {
                    LatentHistogram h = latentOf(s, layer);
                    Double v = h == null ? null : h.scalars().get(name);
                    if (v != null && Double.isFinite(v)) {
                        steps[n] = s.step();
                        values[n] = v;
                        n++;
                    }
                }
                if (n > 0) {
                    tracks.add(new Track(layer, java.util.Arrays.copyOf(steps, n), java.util.Arrays.copyOf(values, n)));
                }
            }
            if (!tracks.isEmpty()) {
                byName.put(name, List.copyOf(tracks));
            }
        }
        return new ScalarTracks(byName);
    }

    private static LatentHistogram latentOf(PositionSnapshot s, String layer) {
        for (LayerSnapshot l : s.layers()) {
            if (l.layer().equals(layer)) {
                return l.latent();
            }
        }
        return null;
    }

    /** The scalars' names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The layers' tracks of one scalar, in the model's layer order; empty for a name nobody recorded. */
    public List<Track> tracks(String name) {
        return byName.getOrDefault(name, List.of());
    }
}
