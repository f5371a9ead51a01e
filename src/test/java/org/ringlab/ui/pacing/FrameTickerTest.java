package org.ringlab.ui.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ticker on a hand-driven clock and a hand-driven "JavaFX thread": no real time passes. */
class FrameTickerTest {

    /** Remembers the periodic task instead of running it; {@link #tick} runs it once, as one clock period. */
    private static final class ManualClock extends ScheduledThreadPoolExecutor {
        Runnable periodic;
        long initialDelayNanos;
        long periodNanos;
        boolean cancelled;

        ManualClock() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            periodic = command;
            initialDelayNanos = unit.toNanos(initialDelay);
            periodNanos = unit.toNanos(period);
            cancelled = false;
            return new ScheduledFuture<Object>() {
                @Override
                public long getDelay(TimeUnit u) {
                    return 0;
                }

                @Override
                public int compareTo(Delayed o) {
                    return 0;
                }

                @Override
                public boolean cancel(boolean mayInterrupt) {
                    cancelled = true;
                    return true;
                }

                @Override
                public boolean isCancelled() {
                    return cancelled;
                }

                @Override
                public boolean isDone() {
                    return cancelled;
                }

                @Override
                public Object get() {
                    return null;
                }

                @Override
                public Object get(long timeout, TimeUnit u) {
                    return null;
                }
            };
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        void tick() {
            if (!cancelled) {
                periodic.run();
            }
        }
    }

    private final ManualClock clock = new ManualClock();
    /** Tasks posted to the "JavaFX thread", not yet run. */
    private final List<Runnable> fxQueue = new ArrayList<>();
    private int ticks;

    @AfterEach
    void shutDown() {
        clock.shutdownNow();
    }

    private FrameTicker ticker(double hz) {
        return new FrameTicker(hz, now -> ticks++, fxQueue::add, clock);
    }

    private void runFxQueue() {
        List<Runnable> tasks = new ArrayList<>(fxQueue);
        fxQueue.clear();
        tasks.forEach(Runnable::run);
    }

    @Test
    void ticksAtTheRateAsked() {
        FrameTicker ticker = ticker(10);
        ticker.start();
        assertEquals(100_000_000L, clock.periodNanos);
        for (int i = 0; i < 30; i++) {
            clock.tick();
            runFxQueue();
        }
        assertEquals(30, ticks);
    }

    @Test
    void ticksFallOnMultiplesOfThePeriodSoThatTickersTickTogether() {
        long before = System.nanoTime();
        ticker(20).start();
        long after = System.nanoTime();
        long period = 50_000_000L;
        assertTrue(clock.initialDelayNanos >= 0 && clock.initialDelayNanos < period, "" + clock.initialDelayNanos);
        // the first tick's time, nanoTime at start + delay, is a multiple of 50 ms (start took before..after)
        long firstEarliest = before + clock.initialDelayNanos;
        long firstLatest = after + clock.initialDelayNanos;
        long grid = Math.floorDiv(firstLatest, period) * period;
        assertTrue(grid >= firstEarliest && grid <= firstLatest,
                "first tick between " + firstEarliest + " and " + firstLatest + ", no multiple of 50 ms there");
    }

    @Test
    void aBusyJavaFxThreadGetsOneTickNotABacklog() {
        FrameTicker ticker = ticker(20);
        ticker.start();
        for (int i = 0; i < 50; i++) {
            clock.tick();
        }
        assertEquals(1, fxQueue.size(), "one tick waits, the other 49 were not posted");
        runFxQueue();
        assertEquals(1, ticks);
        clock.tick();
        assertEquals(1, fxQueue.size(), "posting again once the waiting one has run");
    }

    @Test
    void stopEndsTheTicksAndDropsOneAlreadyPosted() {
        FrameTicker ticker = ticker(10);
        ticker.start();
        clock.tick();
        ticker.stop();
        assertFalse(ticker.isRunning());
        assertTrue(clock.cancelled);
        runFxQueue();
        assertEquals(0, ticks, "posted before the stop, run after it: skipped");
        clock.tick();
        assertTrue(fxQueue.isEmpty());
    }

    @Test
    void startingTwiceSchedulesOnce() {
        FrameTicker ticker = ticker(10);
        ticker.start();
        Runnable first = clock.periodic;
        ticker.start();
        assertTrue(first == clock.periodic, "not scheduled again");
        ticker.stop();
        ticker.start();
        clock.tick();
        runFxQueue();
        assertEquals(1, ticks, "ticks again after a restart");
    }

    @Test
    void refusesNonsenseRates() {
        assertThrows(IllegalArgumentException.class, () -> ticker(0));
        assertThrows(IllegalArgumentException.class, () -> ticker(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ticker(Double.POSITIVE_INFINITY));
    }
}
