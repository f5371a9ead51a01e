package org.ringlab.train;

import ai.djl.ndarray.NDManager;
import org.ringlab.config.RunConfig;

/** Builds the configured optimiser; its state lives in {@code stateManager}. */
final class Optimizers {
    private Optimizers() {
    }

    static ParameterOptimizer create(RunConfig c, NDManager stateManager) {
        return switch (c.optimizer()) {
            case SGD -> new SgdOptimizer(stateManager, c.momentum(), c.nesterov(), c.weightDecay());
            case ADAM -> new AdamOptimizer(stateManager, c.adamBeta1(), c.adamBeta2(), c.adamEps(), c.weightDecay());
        };
    }
}
