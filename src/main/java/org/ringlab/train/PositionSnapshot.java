package org.ringlab.train;

import java.util.List;

/** Every ring layer's positions at one training step. Immutable: safe to hand to another thread. */
public record PositionSnapshot(int step, int epoch, double epochProgress, List<LayerSnapshot> layers) {

    public PositionSnapshot {
        layers = List.copyOf(layers);
    }
}
