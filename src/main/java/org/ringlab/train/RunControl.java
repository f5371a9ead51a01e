package org.ringlab.train;

/**
 * Pause, resume, single-step and stop requests from any thread; the trainer honours them between
 * optimisation steps, never inside one.
 */
public final class RunControl {
    private boolean paused;
    private boolean stopRequested;
    private int stepsGranted;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** While paused: run exactly one more step, then stay paused. */
    public synchronized void step() {
        if (paused) {
            stepsGranted++;
            notifyAll();
        }
    }

    public synchronized void stop() {
        stopRequested = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isStopRequested() {
        return stopRequested;
    }

    /**
     * Blocks while paused. Returns false when a stop was requested, true when the next step may run.
     *
     * @param onPause called once (on this thread) when the run actually parks
     * @param onResume called once when it continues after having parked
     */
    synchronized boolean awaitPermission(Runnable onPause, Runnable onResume) throws InterruptedException {
        boolean parked = false;
        while (paused && stepsGranted == 0 && !stopRequested) {
            if (!parked) {
                parked = true;
                onPause.run();
            }
            wait();
        }
        if (stopRequested) {
            return false;
        }
        if (paused && stepsGranted > 0) {
            stepsGranted--;
        }
        if (parked && !paused) {
            onResume.run();
        }
        return true;
    }
}
