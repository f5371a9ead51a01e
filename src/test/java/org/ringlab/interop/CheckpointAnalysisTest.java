package org.ringlab.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.ringlab.quant.RingType;

/**
 * The figures of docs/methods/ring.md#checkpoints and docs/methods/ring.md#readme-claims, recomputed from the published
 * checkpoints.
 */
class CheckpointAnalysisTest {
    private static final float THIRD = 1f / 3f;

    private static CheckpointAnalysis analyse(String name) throws IOException {
        return CheckpointAnalysis.of(TorchCheckpoint.read(ReferenceCheckpoints.file(name)));
    }

    @Test
    void resNet20Ring4IsOneBitAndFarFromItsRing() throws IOException {
        CheckpointAnalysis a = analyse("best_ResNet20_ring4.pth");
        assertEquals(RingType.TRIANGLE, a.ring().type());
        assertEquals(4, a.ring().size());
        assertEquals(21, a.layers().size());
        assertEquals("conv1", a.layers().get(0).name());
        assertEquals(432, a.layers().get(0).positions());

        SnapStatistics t = a.total();
        assertEquals(270_256, t.positions());
        assertEquals(0.0, t.withinOneHundredth(), 0.0005);
        assertEquals(0.007, t.withinOneTwentieth(), 0.001);
        assertEquals(0.418, t.relativeL2(), 0.001);
        assertEquals(0.70, t.negativeShare(), 0.01);
        assertEquals(-0.976, t.softMin(), 0.001);
        assertEquals(0.309, t.softMax(), 0.001);
        assertEquals(2, t.levels().length);
        assertEquals(165_894, t.count(-1f));
        assertEquals(104_362, t.count(THIRD));
        assertEquals(0.96, t.entropyBits(), 0.005);
        assertEquals(1, t.fixedLengthBits());

        assertEquals(2_218, a.floatParameters());
        assertEquals(32.0, a.weightsOnlyCompression(), 1e-9);
        assertEquals(25.6, a.wholeModelCompression(), 0.05);
    }

    @Test
    void resNet20Ring8IsTwoBits() throws IOException {
        CheckpointAnalysis a = analyse("best_ResNet20_ring8.pth");
        SnapStatistics t = a.total();
        assertEquals(0.016, t.withinOneHundredth(), 0.001);
        assertEquals(0.083, t.withinOneTwentieth(), 0.001);
        assertEquals(0.179, t.relativeL2(), 0.001);
        assertEquals(148_335, t.count(-1f));
        assertEquals(54_349, t.count(-3f / 7f));
        assertEquals(37_872, t.count(1f / 7f));
        assertEquals(29_700, t.count(5f / 7f));
        assertEquals(1.69, t.entropyBits(), 0.005);
        assertEquals(2, t.fixedLengthBits());
        assertEquals(14.3, a.wholeModelCompression(), 0.05);
    }

    @Test
    void resNet32RingsMatchTheSpecTable() throws IOException {
        CheckpointAnalysis r4 = analyse("best_ResNet32_ring4.pth");
        assertEquals(4, r4.ring().size()); // no ring_size entry: taken from the templates
        assertEquals(463_792, r4.total().positions());
        assertEquals(0.333, r4.total().relativeL2(), 0.001);
        assertEquals(353_403, r4.total().count(-1f));
        assertEquals(0.79, r4.total().entropyBits(), 0.005);

        CheckpointAnalysis r8 = analyse("best_ResNet32_ring8.pth");
        assertEquals(0.149, r8.total().relativeL2(), 0.001);
        assertEquals(0.054, r8.total().withinOneTwentieth(), 0.001);
        assertEquals(1.30, r8.total().entropyBits(), 0.005);
    }

    @Test
    void layerFiguresAddUpToTheTotal() throws IOException {
        CheckpointAnalysis a = analyse("best_ResNet20_ring8.pth");
        long positions = 0;
        long minusOne = 0;
        for (SnapStatistics s : a.layers()) {
            positions += s.positions();
            minusOne += s.count(-1f);
            assertTrue(s.relativeL2() > 0 && s.relativeL2() < 1, s.name() + " " + s.relativeL2());
        }
        assertEquals(a.total().positions(), positions);
        assertEquals(a.total().count(-1f), minusOne);
    }

    @Test
    void refusesAnFp32Checkpoint() throws IOException {
        TorchCheckpoint fp32 = TorchCheckpoint.read(ReferenceCheckpoints.file("best_resnet20_none.pth"));
        CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointAnalysis.of(fp32));
        assertTrue(e.getMessage().contains("not a ring checkpoint"), e.getMessage());
    }
}
