package org.ringlab.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ringlab.ui.pacing.RecentDurations;

/**
 * How long a task waits for the JavaFX thread: ten times a second it posts one and records the
 * time until it runs, which is what a click or a key press waits before the window reacts. Unlike
 * {@link PulseMonitor} it does not keep JavaFX pulsing, so it can watch a window that is meant to
 * stay idle while nothing changes.
 */
final class FxThreadProbe implements AutoCloseable {
    private static final long PERIOD_MILLIS = 100;

    private final RecentDurations waits = new RecentDurations();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ringlab-fx-probe");
        t.setDaemon(true);
        return t;
    });

    private final ScheduledFuture<?> probing;

    /** Starts probing the thread behind {@code fx} (e.g. {@code Platform::runLater}). */
    FxThreadProbe(Executor fx) {
        probing = clock.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            fx.execute(() -> waits.add(System.nanoTime() - posted));
        }, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The q-quantile (0..1) of recent waits in milliseconds; NaN before the first. */
    double percentileMillis(double q) {
        return waits.percentileMillis(q);
    }

    int probes() {
        return waits.count();
    }

    @Override
    public void close() {
        probing.cancel(false);
        clock.shutdownNow();
    }
}
