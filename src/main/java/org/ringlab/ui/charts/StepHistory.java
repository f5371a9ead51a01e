package org.ringlab.ui.charts;

import java.util.Arrays;

/**
 * The per-step values that get smoothed, at full resolution and in floats: what a new smoothing
 * weight is recomputed from. Smoothing the decimated copy instead would make the curve depend on
 * how far the series has been thinned (tensorflow/tensorboard#1518); at 12 bytes a step this costs
 * about 0.9 MB for a 78,000-step run.
 */
final class StepHistory {

    private int size;
    private int[] steps = new int[256];
    private float[] loss = new float[256];
    private float[] accuracy = new float[256];

    void add(int step, double lossValue, double accuracyValue) {
        if (size == steps.length) {
            int capacity = 2 * size;
            steps = Arrays.copyOf(steps, capacity);
            loss = Arrays.copyOf(loss, capacity);
            accuracy = Arrays.copyOf(accuracy, capacity);
        }
        steps[size] = step;
        loss[size] = (float) lossValue;
        accuracy[size] = (float) accuracyValue;
        size++;
    }

    int size() {
        return size;
    }

    int step(int i) {
        return steps[i];
    }

    double loss(int i) {
        return loss[i];
    }

    double accuracy(int i) {
        return accuracy[i];
    }
}
