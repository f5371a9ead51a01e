package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/** torch.optim.SGD: buf = μ·buf + g (g including L2 decay); p −= lr·(nesterov ? g + μ·buf : buf). */
final class SgdOptimizer implements ParameterOptimizer {
    private final NDManager stateManager;
    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final List<NDArray> buffers = new ArrayList<>();

    SgdOptimizer(NDManager stateManager, double momentum, boolean nesterov, double weightDecay) {
        this.stateManager = stateManager;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<TrainableParameter> params, List<NDArray> grads, double lr, NDManager parent) {
        if (momentum > 0 && buffers.isEmpty()) {
            for (TrainableParameter p : params) {
                buffers.add(OptimizerStates.zerosLike(stateManager, p));
            }
        }
        // Long-lived arrays are borrowed into one scratch manager (each exactly once) so that the
        // temporaries computed from them die with the step instead of piling up in the model.
        try (NDManager scratch = parent.newSubManager()) {
            for (int i = 0; i < params.size(); i++) {
                TrainableParameter p = params.get(i);
                NDArray w = p.array();
                w.tempAttach(scratch);
                NDArray g = OptimizerStates.withDecay(grads.get(i), p, weightDecay);
                NDArray update = g;
                if (momentum > 0) {
                    NDArray buf = buffers.get(i);
                    buf.tempAttach(scratch);
                    buf.muli(momentum).addi(g);
                    update = nesterov ? g.addi(buf.mul(momentum)) : buf;
                }
                w.subi(update.mul(lr));
            }
        }
    }

    @Override
    public OptimizerState state() {
        return OptimizerStates.of("sgd", 0, buffers);
    }

    @Override
    public void restore(OptimizerState state, List<TrainableParameter> params) {
        int expected = state.values().isEmpty() ? 0 : params.size();
        OptimizerStates.check(state, "sgd", expected, params);
        for (int i = 0; i < state.values().size(); i++) {
            buffers.add(OptimizerStates.create(stateManager, state, i, params.get(i)));
        }
    }
}
