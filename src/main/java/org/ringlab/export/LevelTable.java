package org.ringlab.export;

import java.util.Arrays;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;

/**
 * A ring's distinct levels (merged within {@link LevelSet}'s tolerance) and the code of each slot:
 * what a ring tensor really needs to store, ceil(log2 L) bits per weight.
 *
 * <p>Merging costs exactness on the reference rings, whose mirrored slots differ in the last bit:
 * a weight on such a slot comes back as its level's representative (the group's smallest value),
 * at most the tolerance away.
 */
final class LevelTable {
    private final Ring ring;
    private final RingInterpolation interpolation;
    private final LevelSet levels;
    private final int[] codeOfSlot;
    private final int[] slotOfCode;

    private LevelTable(Ring ring) {
        this.ring = ring;
        this.interpolation = new RingInterpolation(ring);
        this.levels = LevelSet.of(ring.values());
        float[] representatives = levels.levels();
        this.codeOfSlot = new int[ring.size()];
        this.slotOfCode = new int[representatives.length];
        Arrays.fill(slotOfCode, -1);
        for (int k = 0; k < ring.size(); k++) {
            int code = levels.indexOf(ring.value(k));
            codeOfSlot[k] = code;
            // the representative is one of the ring's values, so some slot carries it bit for bit
            boolean exact = Float.floatToIntBits(ring.value(k)) == Float.floatToIntBits(representatives[code]);
            if (slotOfCode[code] < 0 && exact) {
                slotOfCode[code] = k;
            }
        }
    }

    static LevelTable of(Ring ring) {
        return new LevelTable(ring);
    }

    Ring ring() {
        return ring;
    }

    /** The levels in ascending order; code c stands for levels()[c]. */
    float[] levels() {
        return levels.levels();
    }

    int count() {
        return levels.count();
    }

    int bits() {
        return levels.fixedLengthBits();
    }

    /** The code of the level each position snaps to. */
    int[] encode(float[] positions) {
        int[] codes = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            codes[i] = codeOfSlot[interpolation.hardIndex(positions[i])];
        }
        return codes;
    }

    /**
     * Positions that snap to exactly the coded levels: the centre k/n of a slot carrying the level,
     * which floor(n·p + ½) maps back to k.
     */
    float[] positions(int[] codes) {
        float[] p = new float[codes.length];
        int n = ring.size();
        for (int i = 0; i < codes.length; i++) {
            p[i] = (float) slotOfCode[codes[i]] / n;
        }
        return p;
    }
}
