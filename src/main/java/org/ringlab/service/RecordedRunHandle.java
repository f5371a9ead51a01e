package org.ringlab.service;

import org.ringlab.train.TrainingListener;

/**
 * A run that nothing in this process trains — a past run read from the store, a run on a cluster —
 * shown from what was recorded: there is nothing to pause, step or stop, and no events will come.
 */
public interface RecordedRunHandle extends RunHandle {
    @Override
    default void pause() {
    }

    @Override
    default void resume() {
    }

    @Override
    default void step() {
    }

    @Override
    default void stop() {
    }

    @Override
    default void addListener(TrainingListener listener) {
    }

    @Override
    default void removeListener(TrainingListener listener) {
    }
}
