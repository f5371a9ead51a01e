package org.ringlab.train;

/**
 * Receives a run's events, on the training thread, in order. Implementations must return quickly
 * and must not keep NDArrays: every event is an immutable value.
 */
public interface TrainingListener {
    default void onStatus(RunStatus status, String message) {
    }

    default void onStep(StepMetrics step) {
    }

    default void onEpoch(EpochMetrics epoch) {
    }

    default void onSnapshot(PositionSnapshot snapshot) {
    }

    /** Lines worth showing a user (device, data set, model size). */
    default void onInfo(String message) {
    }
}
