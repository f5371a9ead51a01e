package org.ringlab.ui.ringview;

import org.ringlab.train.LayerSnapshot;

/**
 * Angles of a ring's slots and of its slot-aligned histogram bins.
 *
 * <p>Angles are in radians, 0 at the top and growing clockwise, so that slot k sits at 2πk/n as on
 * a clock face. In units u = n·p, histogram bin j spans [j/m − ½, (j+1)/m − ½): the m bins of slot k
 * straddle the slot symmetrically, which is why bin 0 starts before 0.
 */
public final class RingGeometry {
    private static final double TWO_PI = 2 * Math.PI;

    private final int ringSize;
    private final int subBins;

    public RingGeometry(int ringSize, int subBins) {
        if (ringSize < 1 || subBins < 1) {
            throw new IllegalArgumentException("a ring needs slots and bins, got " + ringSize + " slots × " + subBins);
        }
        this.ringSize = ringSize;
        this.subBins = subBins;
    }

    public static RingGeometry of(LayerSnapshot snapshot) {
        return new RingGeometry(snapshot.ringSize(), snapshot.subBins());
    }

    public int ringSize() {
        return ringSize;
    }

    public int subBins() {
        return subBins;
    }

    public int binCount() {
        return ringSize * subBins;
    }

    public double slotAngle(int slot) {
        return TWO_PI * slot / ringSize;
    }

    /** The slot whose bins include bin j. */
    public int slotOfBin(int bin) {
        return bin / subBins;
    }

    public double binStartAngle(int bin) {
        return edgeAngle(bin);
    }

    public double binEndAngle(int bin) {
        return edgeAngle(bin + 1);
    }

    public double binCentreAngle(int bin) {
        return TWO_PI * binCentreU(bin) / ringSize;
    }

    /** The position p ∈ [0, 1) at the middle of bin j. */
    public double binCentrePosition(int bin) {
        double p = binCentreU(bin) / ringSize;
        return p - Math.floor(p);
    }

    private double edgeAngle(int edge) {
        return TWO_PI * ((double) edge / subBins - 0.5) / ringSize;
    }

    private double binCentreU(int bin) {
        return (bin + 0.5) / subBins - 0.5;
    }
}
