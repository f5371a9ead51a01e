package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshots stay plain values: a latent histogram survives snapshots.jsonl (and a remote worker's JSON). */
class LatentSnapshotJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLatentLayerRoundTripsThroughJson() throws Exception {
        LatentHistogram h = new LatentHistogram("v/s", -3.5, 2.5, new int[] {1, 2, 3},
                List.of(new LatentHistogram.Line(-2, "−Q_N (clip)"), new LatentHistogram.Line(1, "Q_P (clip)")), false,
                new long[] {1, 4, 1}, 0.25, 1.25, Map.of("s", 0.031));
        LayerSnapshot layer = new LayerSnapshot("conv1", 0, 0, 6, new int[0], new long[] {1, 4, 1}, 0.25, 1.25,
                Double.NaN, h);
        PositionSnapshot snap = new PositionSnapshot(10, 1, 0.5, List.of(layer));
        PositionSnapshot back = JSON.readValue(JSON.writeValueAsString(snap), PositionSnapshot.class);
        LatentHistogram l = back.layers().get(0).latent();
        assertEquals("v/s", l.coordinate());
        assertArrayEquals(new int[] {1, 2, 3}, l.bins());
        assertEquals(h.lines(), l.lines());
        assertEquals(0.031, l.scalars().get("s"));
        assertArrayEquals(new long[] {1, 4, 1}, l.codeCounts());
    }

    @Test
    void aRingLayerKeepsItsFieldsAndHasNoLatent() throws Exception {
        LayerSnapshot ring = new LayerSnapshot("fc1", 4, 2, 3, new int[] {1, 0, 0, 2, 0, 0, 0, 0},
                new long[] {1, 0, 2, 0}, Double.NaN, 0.9, 0.1);
        LayerSnapshot back = JSON.readValue(JSON.writeValueAsString(ring), LayerSnapshot.class);
        assertNull(back.latent());
        assertEquals(4, back.ringSize());
        assertArrayEquals(ring.histogram(), back.histogram());
    }
}
