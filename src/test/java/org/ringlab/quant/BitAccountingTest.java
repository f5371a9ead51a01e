package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BitAccountingTest {

    @Test
    void fixedLengthBits() {
        assertEquals(0, BitAccounting.fixedLengthBits(1));
        assertEquals(1, BitAccounting.fixedLengthBits(2));
        assertEquals(2, BitAccounting.fixedLengthBits(3));
        assertEquals(2, BitAccounting.fixedLengthBits(4));
        assertEquals(3, BitAccounting.fixedLengthBits(7));
        assertEquals(3, BitAccounting.fixedLengthBits(8));
        assertEquals(4, BitAccounting.fixedLengthBits(9));
    }

    @Test
    void entropyOfKnownHistograms() {
        assertEquals(1.0, BitAccounting.entropyBits(new long[] {5, 5}), 1e-12);
        assertEquals(2.0, BitAccounting.entropyBits(new long[] {1, 1, 1, 1}), 1e-12);
        assertEquals(0.0, BitAccounting.entropyBits(new long[] {7, 0}), 1e-12);
        // the R20 ring-4 snapped code histogram of docs/methods/ring.md#checkpoints: 0.96 bit
        assertEquals(0.96, BitAccounting.entropyBits(new long[] {165_894, 104_362}), 0.005);
    }

    @Test
    void resnet20CompressionMatchesSpec() {
        // 270,256 ring positions; BN affine 1,568 + linear 650 stay fp32 (docs/methods/ring.md#readme-claims)
        long fp = 1_568 + 650;
        var ring4 = List.of(new BitAccounting.QuantizedTensor("convs", 270_256, 1, 0));
        var ring8 = List.of(new BitAccounting.QuantizedTensor("convs", 270_256, 2, 0));
        assertEquals(25.6, BitAccounting.wholeModelRatio(ring4, fp), 0.05);
        assertEquals(14.3, BitAccounting.wholeModelRatio(ring8, fp), 0.05);
        assertEquals(32.0, BitAccounting.weightsOnlyRatio(ring4), 1e-9);
        assertEquals(16.0, BitAccounting.weightsOnlyRatio(ring8), 1e-9);
    }

    @Test
    void sideInformationCounts() {
        var t = List.of(new BitAccounting.QuantizedTensor("ternary", 1000, 2, 1));
        assertEquals(32.0 * 1000 / (2000 + 32), BitAccounting.weightsOnlyRatio(t), 1e-9);
    }

    @Test
    void inspectionOfTriangleEight() {
        RingInspection insp = new RingInspection(Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE));
        assertEquals(3.0, insp.nominalBits(), 1e-12);
        assertEquals(4, insp.levels().count());
        assertEquals(2, insp.distinctLevelBits());
        assertArrayEquals(new float[] {-1f, -3f / 7f, 1f / 7f, 5f / 7f}, insp.levels().levels(), 1e-6f);
        // slot centres 0..7 → levels: slots 0 and 7 → −1, 1 and 6 → −3/7, 2 and 5 → 1/7, 3 and 4 → 5/7
        float[] p = {0f, 1 / 8f, 2 / 8f, 3 / 8f, 4 / 8f, 5 / 8f, 6 / 8f, 7 / 8f};
        assertArrayEquals(new long[] {2, 2, 2, 2}, insp.levelHistogram(p));
        assertEquals(2.0, insp.codeEntropyBits(p), 1e-12);
        // at slot centres the soft weight hits a ring value only where both neighbours are
        // symmetric (slots 1, 2, 5, 6); at the ends and the peak it misses (−0.939, 0.653)
        assertEquals(0.5, insp.shareNearRingValue(p, 0.01), 1e-12);
    }
}
