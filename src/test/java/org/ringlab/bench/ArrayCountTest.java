package org.ringlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The arrays-per-step figure of {@code ringlab bench}: exact, stable from step to step, and sensitive to the work. */
class ArrayCountTest {

    @Test
    void countsEachCreatedArrayAndNoInPlaceOperation() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.ones(new ai.djl.ndarray.types.Shape(4));
            long created;
            long withScalar;
            NDArray b;
            try (ArrayCount count = new ArrayCount()) {
                b = a.add(a).mul(a); // two results
                b.muli(a);           // in place: no new array
                created = count.created();
                b.muli(3f);          // the scalar becomes an array of its own
                withScalar = count.created();
            }
            assertEquals(2, created);
            assertEquals(3, withScalar);
            // closing the counting scope closed nothing
            assertEquals(24f, b.sum().getFloat());
        }
    }

    @Test
    void consecutiveStepsCreateTheSameNumberAndRingLayersCreateMore() {
        BenchCase fp32 = case_("lenet-fp32");
        BenchCase ring = case_("lenet-ring8");
        long[] plain = StepTimer.arraysPerStep(fp32, 8, 3);
        long[] ringed = StepTimer.arraysPerStep(ring, 8, 3);
        assertEquals(plain[1], plain[2], Arrays.toString(plain));
        assertEquals(ringed[1], ringed[2], Arrays.toString(ringed));
        assertTrue(plain[1] > 0, Arrays.toString(plain));
        assertTrue(ringed[1] > plain[1], Arrays.toString(ringed) + " vs " + Arrays.toString(plain));
    }

    private static BenchCase case_(String name) {
        return BenchCase.peerCases().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
