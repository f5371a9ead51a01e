package org.ringlab.tables;

import java.util.List;

/**
 * The figures a comparison reports for one run: accuracies at the last recorded epoch, the best
 * soft accuracy over all epochs and where it was reached, the best snapped accuracy over all
 * epochs (the best a quantized network really reached), and the wall time.
 *
 * @param bestEpoch the epoch of {@code bestSoft}; null when no epoch has a soft accuracy
 * @param wallSeconds elapsed_s of the last epoch
 */
public record RunSummary(double finalSoft, double finalSnapped, double finalSnappedBn, double bestSoft,
        Integer bestEpoch, double bestSnapped, double wallSeconds) {
    public static final String SOFT = "test_acc_soft";
    public static final String SNAPPED = "test_acc_snapped";
    public static final String SNAPPED_BN = "test_acc_snapped_bn";
    public static final String ELAPSED = "elapsed_s";

    /** NaN (and a null epoch) for whatever the run did not record. */
    public static RunSummary of(RecordedRun run) {
        List<EpochRecord> epochs = run.epochs();
        if (epochs.isEmpty()) {
            return new RunSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, Double.NaN, Double.NaN);
        }
        EpochRecord last = epochs.get(epochs.size() - 1);
        double best = Double.NaN;
        Integer bestEpoch = null;
        double bestSnapped = Double.NaN;
        for (EpochRecord e : epochs) {
            double snapped = e.value(SNAPPED);
            if (!Double.isNaN(snapped) && (Double.isNaN(bestSnapped) || snapped > bestSnapped)) {
                bestSnapped = snapped;
            }
            double soft = e.value(SOFT);
            // the first epoch wins a tie: the same accuracy, reached sooner
            if (!Double.isNaN(soft) && (Double.isNaN(best) || soft > best)) {
                best = soft;
                bestEpoch = e.epoch();
            }
        }
        return new RunSummary(last.value(SOFT), last.value(SNAPPED), last.value(SNAPPED_BN), best, bestEpoch,
                bestSnapped, last.value(ELAPSED));
    }
}
