package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EmaTest {

    @Test
    void constantInputStaysConstantFromTheFirstPoint() {
        Ema ema = new Ema(0.9);
        for (int t = 0; t < 50; t++) {
            assertEquals(2.5, ema.next(2.5), 1e-12, "step " + t);
        }
    }

    @Test
    void stepResponseFollowsTheDebiasedClosedForm() {
        double w = 0.6;
        Ema ema = new Ema(w);
        for (int t = 0; t < 10; t++) {
            assertEquals(0.0, ema.next(0.0), 1e-12);
        }
        double previous = 0;
        for (int k = 1; k <= 30; k++) {
            double s = ema.next(1.0);
            // after 10 zeros and k ones the biased average is 1 − w^k, over 10 + k steps
            assertEquals((1 - Math.pow(w, k)) / (1 - Math.pow(w, 10 + k)), s, 1e-12, "ones: " + k);
            assertTrue(s > previous && s < 1, "rises towards 1 without overshoot");
            previous = s;
        }
        assertEquals(1.0, previous, 1e-6);
    }

    @Test
    void weightZeroIsTheIdentity() {
        Ema ema = new Ema(0);
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < 100; t++) {
            double x = random.nextDouble(-1e3, 1e3);
            assertEquals(x, ema.next(x));
        }
    }

    @Test
    void nonFiniteInputPassesThroughWithoutDisturbingTheAverage() {
        Ema ema = new Ema(0.5);
        assertEquals(4.0, ema.next(4.0), 1e-12);
        assertTrue(Double.isNaN(ema.next(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, ema.next(Double.POSITIVE_INFINITY));
        assertEquals(4.0, ema.next(4.0), 1e-12);
    }

    @Test
    void weightOutsideZeroToOneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Ema(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Ema(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new Ema(Double.NaN));
    }
}
