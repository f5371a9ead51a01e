package org.ringlab.train;

/** One optimisation step: the batch's loss and accuracy (percent) and the learning rate used. */
public record StepMetrics(int step, int epoch, int stepInEpoch, int stepsPerEpoch, double loss, double accuracy,
        double lr) {
}
