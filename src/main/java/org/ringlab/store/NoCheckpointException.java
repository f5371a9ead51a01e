package org.ringlab.store;

/**
 * A resume asked of a run that has recorded history but no checkpoint to continue from: going on
 * means restarting from step 0, which only an explicit "from scratch" request does (the recorded
 * history is then kept as a superseded attempt).
 */
public final class NoCheckpointException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NoCheckpointException(String message) {
        super(message);
    }
}
