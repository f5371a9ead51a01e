package org.ringlab.ui.pacing;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import javafx.application.Platform;

/**
 * Calls a task on the JavaFX thread at a fixed rate, without keeping JavaFX's pulse running.
 *
 * <p>Why not an {@code AnimationTimer} or a {@code Timeline}: while either runs, JavaFX pulses 60
 * times a second whatever they do, and every pulse walks the whole scene graph (bounds, CSS and
 * layout checks) even when nothing changed; with the charts' and panes' nodes that cost a window
 * showing a live run a sizeable share of a core under software rendering. A tick posted with
 * {@code Platform.runLater} costs a pulse only when it changes something on screen.
 *
 * <p>Ticks do not pile up: while one is waiting for the JavaFX thread no other is posted, so a busy
 * JavaFX thread sees fewer ticks, never a backlog. Start and stop it on the JavaFX thread (or the
 * thread of the executor given).
 */
public final class FrameTicker {
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ringlab-frame-clock");
        t.setDaemon(true);
        return t;
    });

    private final long periodNanos;
    private final LongConsumer task;
    private final Executor fx;
    private final ScheduledExecutorService clock;
    private final AtomicBoolean posted = new AtomicBoolean();
    private volatile ScheduledFuture<?> ticking;

    /**
     * @param hz ticks a second, at most
     * @param task given {@code System.nanoTime()} of the tick, on the JavaFX thread
     */
    public FrameTicker(double hz, LongConsumer task) {
        this(hz, task, Platform::runLater, CLOCK);
    }

    /** The same with another "JavaFX thread" and clock thread (tests). */
    FrameTicker(double hz, LongConsumer task, Executor fx, ScheduledExecutorService clock) {
        if (!(hz > 0) || Double.isInfinite(hz)) {
            throw new IllegalArgumentException("rate must be a positive number of ticks per second, was " + hz);
        }
        this.periodNanos = Math.round(1e9 / hz);
        this.task = task;
        this.fx = fx;
        this.clock = clock;
    }

    /**
     * Starts ticking; does nothing while it ticks already. Ticks fall on multiples of the period
     * on {@code System.nanoTime()}'s scale, so tickers whose rates divide each other (the frame
     * pump's 10 Hz, an animation's 20 Hz) tick together and share one pulse and one repaint of
     * the window instead of each costing its own.
     */
    public void start() {
        if (ticking == null) {
            long delay = Math.floorMod(-System.nanoTime(), periodNanos);
            ticking = clock.scheduleAtFixedRate(this::post, delay, periodNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops ticking; a tick already posted does not run the task. */
    public void stop() {
        ScheduledFuture<?> running = ticking;
        ticking = null;
        if (running != null) {
            running.cancel(false);
        }
    }

    public boolean isRunning() {
        return ticking != null;
    }

    private void post() {
        if (posted.compareAndSet(false, true)) {
            fx.execute(this::tick);
        }
    }

    private void tick() {
        posted.set(false);
        if (ticking != null) {
            task.accept(System.nanoTime());
        }
    }
}
