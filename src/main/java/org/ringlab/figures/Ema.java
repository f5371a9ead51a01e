package org.ringlab.figures;

/**
 * TensorBoard's scalar smoothing: an exponential moving average divided by its bias towards zero,
 * fed one value at a time. The window's charts and the paper figures share it, so that a figure
 * smooths a curve exactly as the screen does.
 *
 * <p>The plain average {@code s_t = w·s_{t−1} + (1−w)·x_t} starts from 0, so its first values are
 * pulled towards 0 by the factor {@code 1 − w^t}; dividing by that factor makes a constant input
 * come out unchanged from the very first step (tensorflow/tensorboard#610, PR #639). Non-finite
 * inputs pass through unchanged and leave the average alone, so one diverged step does not poison
 * the rest of the curve.
 */
public final class Ema {

    private final double weight;
    private double average;
    private double weightPower = 1;

    /** @param weight how much of the past each step keeps, in [0, 1); 0 returns the input unchanged */
    public Ema(double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("smoothing weight must be in [0, 1), was " + weight);
        }
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    /** Takes the next input and returns the debiased average up to and including it. */
    public double next(double x) {
        if (!Double.isFinite(x)) {
            return x;
        }
        average = weight * average + (1 - weight) * x;
        weightPower *= weight;
        return average / (1 - weightPower);
    }
}
