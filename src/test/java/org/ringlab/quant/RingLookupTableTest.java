package org.ringlab.quant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The training kernel's table must stand in for the exact formula everywhere on [0, 1]. */
class RingLookupTableTest {

    @ParameterizedTest
    @CsvSource({"TRIANGLE,2", "TRIANGLE,4", "TRIANGLE,8", "SIN,8", "TRIANGLE,16", "SIN,33", "TRIANGLE,64"})
    void interpolationMatchesExactFormula(RingType type, int n) {
        for (RingMode mode : RingMode.values()) {
            Ring ring = Ring.of(type, n, mode);
            RingLookupTable table = new RingLookupTable(ring);
            RingInterpolation exact = new RingInterpolation(ring);
            double maxErrW = 0;
            double maxRelErrD = 0;
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(n);
            for (int i = 0; i < 20_000; i++) {
                double p = i < 2 ? i : rnd.nextDouble();
                maxErrW = Math.max(maxErrW, Math.abs(table.soft(p) - exact.softExact(p)));
                double d = exact.derivativeExact(p);
                maxRelErrD = Math.max(maxRelErrD, Math.abs(table.derivative(p) - d) / Math.max(1.0, Math.abs(d)));
            }
            assertTrue(maxErrW < 1e-6, ring.label() + " max |Δw| = " + maxErrW);
            assertTrue(maxRelErrD < 1e-5, ring.label() + " max rel |Δdw/dp| = " + maxRelErrD);
        }
    }
}
