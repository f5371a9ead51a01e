package org.ringlab.store;

import java.time.Instant;
import org.ringlab.train.RunStatus;

/**
 * One line of the run list. Accuracies are in percent, NaN where not measured (no epoch yet, or
 * snapped figures of an FP32 run).
 *
 * @param method the config's method key (e.g. "ring", "fp32")
 * @param model the config's model key (e.g. "lenet")
 * @param epochsDone epochs recorded so far
 * @param epochsTotal the configured number of epochs
 * @param unreadable why the row cannot be read (an unknown status, a damaged date), or null; such a
 *     row has only its id and name, with a null status and creation time
 */
public record RunSummary(long id, String name, String method, String model, RunStatus status, String statusMessage,
        String device, int epochsDone, int epochsTotal, double lastTestAccSoft, double lastTestAccSnapped,
        double lastTestAccSnappedBn, Instant createdAt, String unreadable) {

    static RunSummary unreadable(long id, String name, String why) {
        return new RunSummary(id, name == null ? "" : name, "", "", null, "", "", 0, 0, Double.NaN, Double.NaN,
                Double.NaN, null, why);
    }

    public boolean isReadable() {
        return unreadable == null;
    }
}
