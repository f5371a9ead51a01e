package org.ringlab.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, a shutdown of the JVM (Ctrl-C, SIGTERM) stops training between two steps and waits
 * up to {@link #GRACE_SECONDS} for the command to finish, so the run records its status before the
 * process ends. Closing it says the command is done and removes the hook.
 */
final class StopOnShutdown implements AutoCloseable {
    static final long GRACE_SECONDS = 60;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    StopOnShutdown(String threadName, Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and waits for us
        }
    }
}
