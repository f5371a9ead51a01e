package org.ringlab.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ringlab.config.RunConfig;
import org.ringlab.config.ScheduleSpec;

class LearningRatePlotTest {

    @Test
    void multistepWithWarmUpRisesThenDropsAtTheMilestones() {
        RunConfig c = RunConfig.defaults().toBuilder().lr(0.1).epochs(10).warmupEpochs(1)
                .schedule(ScheduleSpec.parse("multistep:5,8:0.1")).build();
        double[] lr = LearningRatePlot.curve(c);
        assertTrue(lr[0] < 0.01, "warm-up starts low: " + lr[0]);
        assertEquals(0.1, lr[50], 1e-12, "epoch 2.5");
        assertEquals(0.01, lr[120], 1e-12, "epoch 6");
        assertEquals(0.001, lr[180], 1e-12, "epoch 9");
    }

    @Test
    void cosineFallsMonotonically() {
        RunConfig c = RunConfig.defaults().toBuilder().lr(1).epochs(20).schedule(ScheduleSpec.COSINE).build();
        double[] lr = LearningRatePlot.curve(c);
        for (int i = 1; i < lr.length; i++) {
            assertTrue(lr[i] <= lr[i - 1]);
        }
        assertTrue(lr[lr.length - 1] < 0.01);
    }
}
