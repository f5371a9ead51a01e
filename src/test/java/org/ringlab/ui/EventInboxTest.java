package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;

class EventInboxTest {

    @Test
    void oneDrainTakesEverythingThatArrivedAndTheLastStatusWins() throws Exception {
        EventInbox inbox = new EventInbox();
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= 1000; i++) {
                inbox.onStep(new StepMetrics(i, 1, i, 1000, 1.0, 50, 0.1));
            }
            inbox.onStatus(RunStatus.RUNNING, "training");
            inbox.onStatus(RunStatus.PAUSED, "paused at step 1000");
        });
        producer.start();
        producer.join();
        EventInbox.Batch b = inbox.drain();
        assertEquals(1000, b.steps().size());
        assertEquals(1, b.steps().get(0).step());
        assertEquals(RunStatus.PAUSED, b.status());
        assertTrue(inbox.drain().isEmpty(), "drained once");
    }

    @Test
    void aStatusChangeIsVisibleBeforeTheDrainAndGoneAfterIt() {
        EventInbox inbox = new EventInbox();
        inbox.onStep(new StepMetrics(1, 1, 1, 10, 1.0, 50, 0.1));
        assertFalse(inbox.hasStatusChange(), "steps alone may wait for the drawing budget");
        inbox.onStatus(RunStatus.STOPPED, "stopped at step 1");
        assertTrue(inbox.hasStatusChange());
        assertEquals(RunStatus.STOPPED, inbox.drain().status());
        assertFalse(inbox.hasStatusChange());
    }

    @Test
    void progressDescribesEpochStepAndTimeLeft() {
        Progress p = new Progress(3);
        StepMetrics first = new StepMetrics(10, 1, 10, 100, 1, 50, 0.1);
        StepMetrics later = new StepMetrics(110, 2, 10, 100, 1, 50, 0.1);
        assertEquals(10 / 300.0, p.fraction(first), 1e-12);
        p.describe(first, 128, 0L);
        String text = p.describe(later, 128, 10_000_000_000L);
        // 100 steps in 10 s: 10 steps/s, 1280 img/s, 190 steps left = 19 s
        assertEquals("epoch 2/3 · step 110/300 · 1,280 img/s · ETA 0:19", text);
    }
}
