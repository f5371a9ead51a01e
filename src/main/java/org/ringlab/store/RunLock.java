package org.ringlab.store;

/**
 * This process's claim to train one run ({@code runs.trainer} in the store): while it is held,
 * every other attempt to train, resume or restart the run, in this process or another one, is
 * refused with a {@link RunBusyException}. Closing it releases the claim; a claim whose process
 * died is broken by the next one to ask.
 */
public final class RunLock implements AutoCloseable {
    private final RunStore store;
    private final long runId;
    private boolean released;

    RunLock(RunStore store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    public long runId() {
        return runId;
    }

    /** Releases the claim (best effort: a store that cannot be written leaves it to be broken later). */
    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            store.unlock(runId);
        }
    }
}
