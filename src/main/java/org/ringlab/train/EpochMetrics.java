package org.ringlab.train;

/**
 * One epoch's figures. Accuracies are in percent; the snapped figures are NaN for an FP32 model,
 * which has nothing to snap.
 *
 * @param testAccSoft accuracy with the soft (interpolated) weights the reference evaluates
 * @param testAccSnapped accuracy with every weight snapped to its nearest ring value
 * @param testAccSnappedBn snapped, after re-estimating BatchNorm statistics on training batches
 * @param lr learning rate at the end of the epoch
 * @param imagesPerSecond training throughput (evaluation excluded)
 * @param seconds wall time of the epoch, evaluation included
 * @param elapsedSeconds wall time since the run started
 */
public record EpochMetrics(int epoch, int step, double trainLoss, double trainAcc, double testAccSoft,
        double testAccSnapped, double testAccSnappedBn, double lr, double imagesPerSecond, double seconds,
        double elapsedSeconds) {
}
