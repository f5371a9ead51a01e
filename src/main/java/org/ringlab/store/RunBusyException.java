package org.ringlab.store;

import org.ringlab.runstate.Owner;

/**
 * A run another trainer holds: it is being trained, resumed or waits in a queue to be, in this
 * process or another one. A state conflict, not a damaged store: the request may succeed later.
 */
public final class RunBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RunBusyException(long id, String holder) {
        super("run " + id + " is already being trained by " + Owner.describe(holder)
                + "; wait for it to end or stop it first");
    }
}
