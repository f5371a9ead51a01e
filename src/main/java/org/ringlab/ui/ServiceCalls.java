package org.ringlab.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way the window calls the training service (or the disk): the call runs on a background
 * thread and its result or failure comes back on the JavaFX thread, so the window never waits on a
 * worker that may be remote (gRPC calls may take up to their 30 s deadline). Modelled on JabRef's
 * BackgroundTask/TaskExecutor; {@link #direct()} runs everything at once on the caller's thread
 * for tests of code that makes calls.
 *
 * <p>Calls on the same lane run one after another in the order they were made, so a run's Pause
 * then Stop reach the worker in that order even while the first is slow; calls on different
 * lanes (another run, the device description, the store) do not wait for each other.
 */
public final class ServiceCalls implements AutoCloseable {
    /** The lane of calls that change the service's queue: submit, resume a run, queue edits, restart. */
    public static final String SERVICE = "service";

    private final Executor background;
    private final Executor foreground;
    private final ExecutorService owned;
    /** The last call made on each lane, until it has ended. */
    private final Map<String, CompletableFuture<?>> tails = new HashMap<>();

    private ServiceCalls(Executor background, Executor foreground, ExecutorService owned) {
        this.background = background;
        this.foreground = foreground;
        this.owned = owned;
    }

    /** Calls on daemon threads, results on the JavaFX thread (the window's). */
    public static ServiceCalls background() {
        return background(Platform::runLater);
    }

    /** Calls on daemon threads, results handed to {@code foreground}. */
    static ServiceCalls background(Executor foreground) {
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ringlab-service-call");
            t.setDaemon(true);
            return t;
        });
        return new ServiceCalls(pool, foreground, pool);
    }

    /** Runs each call and its callback at once on the caller's thread (unit tests). */
    public static ServiceCalls direct() {
        return new ServiceCalls(Runnable::run, Runnable::run, null);
    }

    /** The lane of one run's controls (pause, resume, step, stop keep their order). */
    public static String runLane(String runId) {
        return "run:" + runId;
    }

    /**
     * Runs {@code call} after the calls made earlier on {@code lane}; then {@code onSuccess} with its
     * result, or {@code onFailure} with what it threw (never wrapped), on the JavaFX thread.
     */
    // the future whenComplete returns is dropped on purpose: its action hands every outcome,
    // failures included, to the FX thread, so nothing is lost by not reading it
    @SuppressWarnings("FutureReturnValueIgnored")
    public <T> void call(String lane, Callable<T> call, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        synchronized (tails) {
            CompletableFuture<?> before = tails.getOrDefault(lane, CompletableFuture.completedFuture(null));
            CompletableFuture<T> mine = before.handle((ignored, error) -> (Void) null).thenApplyAsync(v -> {
                try {
                    return call.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, background);
            tails.put(lane, mine);
            mine.whenComplete((result, error) -> {
                synchronized (tails) {
                    tails.remove(lane, mine);
                }
                foreground.execute(() -> {
                    if (error == null) {
                        onSuccess.accept(result);
                    } else {
                        onFailure.accept(unwrap(error));
                    }
                });
            });
        }
    }

    /** {@link #call} for a call that returns nothing. */
    public void run(String lane, Runnable call, Runnable onSuccess, Consumer<Throwable> onFailure) {
        call(lane, () -> {
            call.run();
            return null;
        }, ignored -> onSuccess.run(), onFailure);
    }

    /** True while a call made on {@code lane} has not ended. */
    public boolean busy(String lane) {
        synchronized (tails) {
            return tails.containsKey(lane);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Lets the background threads go; calls still running finish without reporting. */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
        }
    }
}
