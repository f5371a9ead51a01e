package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleSpecTest {

    private static final double EPS = 1e-12;

    @Test
    void parsesMultistep() {
        ScheduleSpec spec = ScheduleSpec.parse("multistep:100,150:0.1");
        assertEquals(ScheduleSpec.Kind.MULTISTEP, spec.kind());
        assertArrayEquals(new int[] {100, 150}, spec.milestones());
        assertEquals(0.1, spec.gamma());
    }

    @Test
    void parsesSimpleKindsCaseInsensitively() {
        assertSame(ScheduleSpec.CONSTANT, ScheduleSpec.parse("constant"));
        assertSame(ScheduleSpec.COSINE, ScheduleSpec.parse(" Cosine "));
        assertEquals(ScheduleSpec.multistep(new int[] {2}, 0.5), ScheduleSpec.parse("MultiStep:2:0.5"));
    }

    @Test
    void gammaDefaultsToTorchsValue() {
        assertEquals(ScheduleSpec.multistep(new int[] {5, 8}, 0.1), ScheduleSpec.parse("multistep:5,8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "cosine", "multistep:100,150:0.1", "multistep:3:0.5",
            "multistep:1,2,3:2", "multistep:10:1.0e-5"})
    void toStringRoundTrips(String text) {
        ScheduleSpec spec = ScheduleSpec.parse(text);
        assertEquals(text, spec.toString());
        assertEquals(spec, ScheduleSpec.parse(spec.toString()));
    }

    @Test
    void toStringIsCanonical() {
        assertEquals("multistep:5,8:0.1", ScheduleSpec.parse("multistep: 5, 8").toString());
    }

    @Test
    void milestonesAreDefensivelyCopied() {
        int[] milestones = {2, 4};
        ScheduleSpec spec = ScheduleSpec.multistep(milestones, 0.1);
        milestones[0] = 3;
        spec.milestones()[1] = 9;
        assertArrayEquals(new int[] {2, 4}, spec.milestones());
    }

    @Test
    void equalityComparesAllParts() {
        assertEquals(ScheduleSpec.parse("multistep:1,2:0.1").hashCode(),
                ScheduleSpec.multistep(new int[] {1, 2}, 0.1).hashCode());
        assertNotEquals(ScheduleSpec.parse("multistep:1,2:0.1"), ScheduleSpec.parse("multistep:1,3:0.1"));
        assertNotEquals(ScheduleSpec.parse("multistep:1,2:0.1"), ScheduleSpec.parse("multistep:1,2:0.2"));
        assertNotEquals(ScheduleSpec.CONSTANT, ScheduleSpec.COSINE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "multistep:100,50:0.1 | schedule 'multistep:100,50:0.1': milestones must increase",
        "multistep:5,5:0.1    | schedule 'multistep:5,5:0.1': milestones must increase",
        "linear               | schedule 'linear': expected constant, cosine or multistep:M1,M2,...:GAMMA",
        "cosine:10            | schedule 'cosine:10': cosine takes no parameters",
        "multistep            | schedule 'multistep': expected multistep:M1,M2,...:GAMMA",
        "multistep::0.1       | schedule 'multistep::0.1': multistep needs at least one milestone",
        "multistep:1,x:0.1    | schedule 'multistep:1,x:0.1': milestone 'x' is not an integer",
        "multistep:1,:0.1     | schedule 'multistep:1,:0.1': milestone '' is not an integer",
        "multistep:1:half     | schedule 'multistep:1:half': gamma 'half' is not a number",
        "multistep:1:0.1:2    | schedule 'multistep:1:0.1:2': expected multistep:M1,M2,...:GAMMA",
    })
    void parseErrorsQuoteTheTextAndSayWhatIsWrong(String text, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void constantKeepsTheBaseRate() {
        assertEquals(0.05, ScheduleSpec.CONSTANT.lrAt(0.05, 7.3, 10, 0), EPS);
    }

    @Test
    void multistepDropsAtTheStartOfEachMilestoneEpoch() {
        ScheduleSpec spec = ScheduleSpec.parse("multistep:100,150:0.1");
        assertEquals(0.1, spec.lrAt(0.1, 0.0, 200, 0), EPS);
        assertEquals(0.1, spec.lrAt(0.1, 99.999, 200, 0), EPS);
        assertEquals(0.01, spec.lrAt(0.1, 100.0, 200, 0), EPS);
        assertEquals(0.01, spec.lrAt(0.1, 149.5, 200, 0), EPS);
        assertEquals(0.001, spec.lrAt(0.1, 150.0, 200, 0), EPS);
        assertEquals(0.001, spec.lrAt(0.1, 199.9, 200, 0), EPS);
    }

    @Test
    void cosineFollowsTorchPerEpoch() {
        ScheduleSpec spec = ScheduleSpec.COSINE;
        assertEquals(0.1, spec.lrAt(0.1, 0.0, 10, 0), EPS);
        // stepped per epoch: still the epoch-0 value until epoch 1 begins
        assertEquals(0.1, spec.lrAt(0.1, 0.99, 10, 0), EPS);
        assertEquals(0.05, spec.lrAt(0.1, 5.0, 10, 0), EPS);
        assertEquals(0.05, spec.lrAt(0.1, 5.7, 10, 0), EPS);
        // the last epoch (9 of 0..9) runs at 0.5·(1 + cos(0.9π)), not 0
        double last = 0.5 * 0.1 * (1 + Math.cos(Math.PI * 9 / 10));
        assertEquals(last, spec.lrAt(0.1, 9.5, 10, 0), EPS);
        assertEquals(0.0, spec.lrAt(0.1, 10.0, 10, 0), EPS);
        assertEquals(0.0, spec.lrAt(0.1, 14.0, 10, 0), EPS);
    }

    @Test
    void warmupRampsLinearlyByFractionalProgress() {
        ScheduleSpec spec = ScheduleSpec.CONSTANT;
        assertEquals(0.0, spec.lrAt(0.2, 0.0, 10, 2), EPS);
        assertEquals(0.05, spec.lrAt(0.2, 0.5, 10, 2), EPS);
        assertEquals(0.15, spec.lrAt(0.2, 1.5, 10, 2), EPS);
        assertEquals(0.2, spec.lrAt(0.2, 2.0, 10, 2), EPS);
        assertEquals(0.2, spec.lrAt(0.2, 3.0, 10, 2), EPS);
    }

    @Test
    void warmupComposesWithTheSchedule() {
        ScheduleSpec spec = ScheduleSpec.parse("multistep:1:0.5");
        // at 1.25 epochs the milestone at 1 has halved the rate and warmup is 1.25/4 done
        assertEquals(0.1 * 0.5 * (1.25 / 4), spec.lrAt(0.1, 1.25, 10, 4), EPS);
        assertEquals(0.5 * 0.1 * (1 + Math.cos(Math.PI / 10)) * 0.5,
                ScheduleSpec.COSINE.lrAt(0.1, 1.5, 10, 3), EPS);
    }

    @Test
    void rejectsNonsensicalArguments() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.COSINE.lrAt(0.1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.COSINE.lrAt(0.1, -1, 5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ScheduleSpec.COSINE.lrAt(0.1, Double.NaN, 5, 0));
    }
}
