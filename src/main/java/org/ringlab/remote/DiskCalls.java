package org.ringlab.remote;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs the worker's calls that read files (a client's data folder, the run store) on a few
 * threads of their own, each with a deadline, so that a file that blocks when read (a FIFO, a
 * hung network mount) costs at most one of those threads and never holds gRPC's threads: the
 * call ends with DEADLINE_EXCEEDED and the worker keeps serving.
 *
 * <p>A call has two parts. {@code check} only reads (validation, data headers) and is abandoned
 * at the deadline; {@code commit} changes state (queues a run) and runs only if the check ended in
 * time, so a call the client was told failed never takes effect later.
 */
final class DiskCalls implements AutoCloseable {
    /** At most this many calls wait on the disk at once; more are refused at once. */
    static final int THREADS = 4;

    private static final int WORKING = 0;
    private static final int COMMITTING = 1;
    private static final int ABANDONED = 2;

    private final Duration deadline;
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), daemon("ringlab-worker-disk"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            daemon("ringlab-worker-deadline"));

    DiskCalls(Duration deadline) {
        this.deadline = deadline;
    }

    /**
     * @param what the call, for the message at the deadline, e.g. "Submit"
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the deadline task needs no handle: the state flag decides who replies
    <P, T> void run(String what, StreamObserver<T> reply, Supplier<P> check, Function<P, T> commit) {
        AtomicInteger state = new AtomicInteger(WORKING);
        Future<?> task;
        try {
            task = pool.submit(() -> {
                T result;
                try {
                    P checked = check.get();
                    if (!state.compareAndSet(WORKING, COMMITTING)) {
                        return;
                    }
                    result = commit.apply(checked);
                } catch (RuntimeException e) {
                    if (state.getAndSet(COMMITTING) != ABANDONED) {
                        reply.onError(Errors.toStatus(e));
                    }
                    return;
                }
                reply.onNext(result);
                reply.onCompleted();
            });
        } catch (RejectedExecutionException e) {
            reply.onError(Status.RESOURCE_EXHAUSTED.withDescription(THREADS + " calls are already waiting on this "
                    + "worker's disk; try again later").asRuntimeException());
            return;
        }
        timer.schedule(() -> {
            if (state.compareAndSet(WORKING, ABANDONED)) {
                task.cancel(true);
                reply.onError(Status.DEADLINE_EXCEEDED.withDescription(what + " gave up after " + deadline.toSeconds()
                        + " s reading files on the worker (a file that blocks when read, such as a FIFO, or a stalled "
                        + "disk); nothing was changed").asRuntimeException());
            }
        }, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
        timer.shutdownNow();
    }
}
