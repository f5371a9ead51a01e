package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Keeps positions on the unit interval after each step: clamped like the reference (which cuts the
 * ring open at 0 ≡ 1) or wrapped around it (the ring the method describes).
 */
final class PositionConstraint {
    private final boolean wrap;

    PositionConstraint(boolean wrap) {
        this.wrap = wrap;
    }

    /** In place, outside autograd, so every position stays the same leaf tensor. */
    void apply(List<TrainableParameter> params, NDManager parent) {
        try (NDManager scratch = parent.newSubManager()) {
            for (TrainableParameter p : params) {
                if (!p.isPosition()) {
                    continue;
                }
                NDArray w = p.array();
                w.tempAttach(scratch);
                if (wrap) {
                    w.subi(w.floor());
                } else {
                    w.set(w.lt(0f), 0f);
                    w.set(w.gt(1f), 1f);
                }
            }
        }
    }
}
