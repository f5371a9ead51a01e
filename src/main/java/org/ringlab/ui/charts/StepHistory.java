package org.ringlab.ui.charts;

import java.util.Arrays;
import org.ringlab.train.StepMetrics;

/**
 * The per-step records at full resolution, in floats and ints: what a new smoothing weight or a
 * switch of the x-axis between steps and epochs is recomputed from, and what Export… draws.
 * Smoothing the decimated copy instead would make the curve depend on how far the series has been
 * thinned (tensorflow/tensorboard#1518); at 32 bytes a step this costs about 2.5 MB for a
 * 78,000-step run.
 */
final class StepHistory {

    private int size;
    private int[] steps = new int[256];
    private int[] epochs = new int[256];
    private int[] stepsInEpoch = new int[256];
    private int[] stepsPerEpoch = new int[256];
    private float[] loss = new float[256];
    private float[] accuracy = new float[256];
    // double: a float turns lr 0.001 into 0.0010000000474974513, which the axis would print
    private double[] lr = new double[256];

    void add(StepMetrics m) {
        if (size == steps.length) {
            int capacity = 2 * size;
            steps = Arrays.copyOf(steps, capacity);
            epochs = Arrays.copyOf(epochs, capacity);
            stepsInEpoch = Arrays.copyOf(stepsInEpoch, capacity);
            stepsPerEpoch = Arrays.copyOf(stepsPerEpoch, capacity);
            loss = Arrays.copyOf(loss, capacity);
            accuracy = Arrays.copyOf(accuracy, capacity);
            lr = Arrays.copyOf(lr, capacity);
        }
        steps[size] = m.step();
        epochs[size] = m.epoch();
        stepsInEpoch[size] = m.stepInEpoch();
        stepsPerEpoch[size] = m.stepsPerEpoch();
        loss[size] = (float) m.loss();
        accuracy[size] = (float) m.accuracy();
        lr[size] = m.lr();
        size++;
    }

    int size() {
        return size;
    }

    int step(int i) {
        return steps[i];
    }

    /** Where the step lies in epochs, as the figures place it: epoch e's last step is at e. */
    double epochX(int i) {
        return epochs[i] - 1 + (double) stepsInEpoch[i] / Math.max(1, stepsPerEpoch[i]);
    }

    double loss(int i) {
        return loss[i];
    }

    double accuracy(int i) {
        return accuracy[i];
    }

    double lr(int i) {
        return lr[i];
    }

    /** Record i again (in float precision), for the figure writers. */
    StepMetrics metrics(int i) {
        return new StepMetrics(steps[i], epochs[i], stepsInEpoch[i], stepsPerEpoch[i], loss[i], accuracy[i], lr[i]);
    }

    /** The index of the last record at or before {@code step}, or −1 if none. */
    int indexAtOrBefore(int step) {
        int i = Arrays.binarySearch(steps, 0, size, step);
        return i >= 0 ? i : -i - 2;
    }
}
