package org.ringlab.probe;

/** Where a probe reports its forward passes, e.g. a progress bar; called on the probing thread. */
@FunctionalInterface
public interface ProbeProgress {
    ProbeProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} batches through both networks together. */
    void done(int done, int total);
}
