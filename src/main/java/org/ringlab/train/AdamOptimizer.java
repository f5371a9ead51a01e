package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/** torch.optim.Adam (L2 weight decay added to the gradient, no AMSGrad). */
final class AdamOptimizer implements ParameterOptimizer {
    private final NDManager stateManager;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private long t;

    AdamOptimizer(NDManager stateManager, double beta1, double beta2, double eps, double weightDecay) {
        this.stateManager = stateManager;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<TrainableParameter> params, List<NDArray> grads, double lr, NDManager parent) {
        if (firstMoments.isEmpty()) {
            for (TrainableParameter p : params) {
                firstMoments.add(OptimizerStates.zerosLike(stateManager, p));
                secondMoments.add(OptimizerStates.zerosLike(stateManager, p));
            }
        }
        t++;
        double biasCorrection1 = 1 - Math.pow(beta1, (double) t);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, (double) t));
        double stepSize = lr / biasCorrection1;
        // Borrow long-lived arrays into one scratch (each exactly once): see SgdOptimizer.
        try (NDManager scratch = parent.newSubManager()) {
            for (int i = 0; i < params.size(); i++) {
                TrainableParameter p = params.get(i);
                NDArray w = p.array();
                w.tempAttach(scratch);
                NDArray g = OptimizerStates.withDecay(grads.get(i), p, weightDecay);
                NDArray m = firstMoments.get(i);
                NDArray v = secondMoments.get(i);
                m.tempAttach(scratch);
                v.tempAttach(scratch);
                m.muli(beta1).addi(g.mul(1 - beta1));
                v.muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray denom = v.sqrt().divi(biasCorrection2Sqrt).addi(eps);
                w.subi(m.div(denom).muli(stepSize));
            }
        }
    }

    long steps() {
        return t;
    }

    @Override
    public OptimizerState state() {
        List<NDArray> moments = new ArrayList<>(firstMoments);
        moments.addAll(secondMoments);
        return OptimizerStates.of("adam", t, moments);
    }

    @Override
    public void restore(OptimizerState state, List<TrainableParameter> params) {
        OptimizerStates.check(state, "adam", state.steps() == 0 ? 0 : 2 * params.size(), params);
        t = state.steps();
        if (t > 0) {
            int n = params.size();
            for (int i = 0; i < n; i++) {
                firstMoments.add(OptimizerStates.create(stateManager, state, i, params.get(i)));
            }
            for (int i = 0; i < n; i++) {
                secondMoments.add(OptimizerStates.create(stateManager, state, n + i, params.get(i)));
            }
        }
    }
}
