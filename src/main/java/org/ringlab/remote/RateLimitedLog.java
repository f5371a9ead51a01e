package org.ringlab.remote;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Lets at most {@code perMinute} lines through in each minute and counts the rest; the first line
 * after a minute with dropped lines, or {@link #tick()}, says how many were dropped. A flood of bad requests thus costs
 * the log a few lines a minute, however many arrive.
 */
final class RateLimitedLog implements Consumer<String> {
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Consumer<String> log;
    private final int perMinute;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int written;
    private long dropped;

    RateLimitedLog(Consumer<String> log, int perMinute, LongSupplier nanoClock) {
        this.log = log;
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
        this.windowStart = nanoClock.getAsLong();
    }

    @Override
    public synchronized void accept(String line) {
        long now = nanoClock.getAsLong();
        if (now - windowStart >= MINUTE_NANOS) {
            windowStart = now;
            written = 0;
            if (dropped > 0) {
                log.accept(line + " (" + dropped + " more like it in the last minute were not logged)");
                written++;
                dropped = 0;
                return;
            }
        }
        if (written < perMinute) {
            written++;
            log.accept(line);
        } else {
            dropped++;
        }
    }

    /**
     * Once a minute with dropped lines is over, says how many there were, so that the count comes
     * even if no further line does (the worker calls this every second).
     */
    synchronized void tick() {
        long now = nanoClock.getAsLong();
        if (dropped > 0 && now - windowStart >= MINUTE_NANOS) {
            log.accept(dropped + " more like the last line in the minute before were not logged");
            windowStart = now;
            written = 0;
            dropped = 0;
        }
    }
}
