package org.ringlab.train;

import java.util.Locale;

/** Where a run stands. The terminal states say why it ended. */
public enum RunStatus {
    PENDING,
    RUNNING,
    PAUSED,
    /** All epochs done. */
    FINISHED,
    /** Stopped by the user between two steps; what was recorded so far is kept. */
    STOPPED,
    /** The loss or a gradient became NaN or infinite; training stopped at that step, nothing updated. */
    DIVERGED,
    /** An error (bad data, engine failure); the message says which. */
    FAILED,
    /** The worker running it died (killed, crashed, out of memory); resumable from its last checkpoint. */
    INTERRUPTED;

    public boolean isTerminal() {
        return this == FINISHED || this == STOPPED || this == DIVERGED || this == FAILED || this == INTERRUPTED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
