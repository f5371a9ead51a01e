package org.ringlab.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ringlab.nn.BuiltModel;

/**
 * One optimisation step exactly as the reference recipe: forward, cross-entropy, backward, global
 * gradient-norm clip, optimiser update, positions clamped (or wrapped), gradients zeroed. Shared by
 * the trainer and the benchmark so that both time the same code.
 */
public final class TrainingStep {
    /**
     * The step's loss, how many of the batch's predictions were right (−1 if not counted), and
     * null or why training cannot go on: the loss or a gradient was not finite (nothing was
     * updated), or the update made a parameter or latent not finite.
     */
    public record Result(float loss, long correct, String divergence) {
        public boolean diverged() {
            return divergence != null;
        }
    }

    private final BuiltModel model;
    private final ParameterStore store;
    private final List<TrainableParameter> params;
    private final ParameterOptimizer optimizer;
    private final PositionConstraint constraint;
    private final double clipNorm;
    private final Loss loss = new SoftmaxCrossEntropyLoss();
    /** Parameters named in a divergence message; the rest are counted. */
    private static final int NAMED = 3;

    TrainingStep(BuiltModel model, ParameterStore store, ParameterOptimizer optimizer, boolean wrapPositions,
            boolean decayPositions, double clipNorm) {
        this.model = model;
        this.store = store;
        this.optimizer = optimizer;
        this.constraint = new PositionConstraint(wrapPositions);
        this.clipNorm = clipNorm;
        this.params = trainableParameters(model, decayPositions);
    }

    /** SGD with the reference's settings (lr given per step), for benchmarks and tests. */
    public static TrainingStep sgd(BuiltModel model, ParameterStore store, NDManager stateManager, double momentum,
            double weightDecay, double clipNorm) {
        return new TrainingStep(model, store, new SgdOptimizer(stateManager, momentum, false, weightDecay), false,
                true, clipNorm);
    }

    /**
     * Runs the step; all temporaries live in {@code stepManager}, which the caller closes.
     * Returns a non-finite loss without updating anything when the loss diverged.
     */
    public Result run(NDArray x, NDArray labels, int[] labelValues, double lr, NDManager stepManager) {
        // results of ops on an array attach to that array's manager: a batch kept across steps
        // (benchmarks) must be borrowed into the step's manager or every step would leak
        borrow(x, stepManager);
        borrow(labels, stepManager);
        GradMode.disableOnThisThread();
        NDArray logits;
        NDArray lossValue;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            logits = model.block().forward(store, new NDList(x), true).singletonOrThrow();
            lossValue = loss.evaluate(new NDList(labels), new NDList(logits));
            NDArray extra = QuantizerHooks.penalty(model, stepManager);
            if (extra != null) {
                lossValue = lossValue.add(extra);
            }
            gc.backward(lossValue);
        }
        float batchLoss = lossValue.getFloat();
        List<NDArray> grads = new ArrayList<>(params.size());
        for (TrainableParameter p : params) {
            NDArray g = p.array().getGradient();
            g.attach(stepManager);
            grads.add(g);
        }
        String divergence = null;
        if (!Float.isFinite(batchLoss)) {
            divergence = "loss became " + batchLoss;
        } else {
            // a NaN gradient under a finite loss would otherwise poison every parameter silently
            // and surface one step later as a NaN loss with no hint of where it came from
            double norm = clipNorm > 0 ? GradientClipper.clip(grads, clipNorm) : GradientClipper.norm(grads);
            if (!Double.isFinite(norm)) {
                divergence = nonFiniteGradients(grads, batchLoss);
            } else {
                optimizer.step(params, grads, lr, stepManager);
                constraint.apply(params, stepManager);
                divergence = nonFiniteParameters(stepManager);
            }
        }
        // torch accumulates into .grad and DJL does not zero it: do it here
        for (NDArray g : grads) {
            g.muli(0f);
        }
        long correct = labelValues == null ? -1 : Batches.correct(logits, labelValues, stepManager);
        return new Result(batchLoss, correct, divergence);
    }

    private String nonFiniteGradients(List<NDArray> grads, float batchLoss) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < grads.size(); i++) {
            NDArray g = grads.get(i);
            if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) {
                names.add(params.get(i).name());
            }
        }
        if (names.isEmpty()) {
            return String.format(java.util.Locale.ROOT, "the global gradient norm overflowed (loss %.4g, "
                    + "parameters left as they were)", batchLoss);
        }
        return String.format(java.util.Locale.ROOT, "the gradient of %s became NaN or infinite (loss %.4g, "
                + "parameters left as they were)", String.join(", ", names), batchLoss);
    }

    /**
     * Null when every parameter (weights and the latents: positions, steps, scales) is finite after
     * the update, else which are not. A finite gradient times a huge lr overflows the weights
     * without touching the loss of this step; left alone, the next step fails somewhere else (a
     * NaN position is a lookup index of −2⁶³) or the method hides it (a ternary quantizer's
     * threshold). One sum per parameter and one transfer: a NaN or ±∞ anywhere makes the sum
     * non-finite; only then is each parameter looked at, so a finite sum past float's range is
     * not mistaken for one.
     */
    private String nonFiniteParameters(NDManager stepManager) {
        NDList sums = new NDList(params.size());
        for (TrainableParameter p : params) {
            NDArray sum = p.array().sum();
            sum.attach(stepManager);
            sums.add(sum);
        }
        NDArray all = NDArrays.stack(sums);
        all.attach(stepManager);
        boolean finite = true;
        for (float v : all.toFloatArray()) {
            finite &= Float.isFinite(v);
        }
        if (finite) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (TrainableParameter p : params) {
            // ops on a parameter land on the model's manager: close them here
            try (NDArray nan = p.array().isNaN(); NDArray inf = p.array().isInfinite();
                    NDArray either = nan.logicalOr(inf); NDArray any = either.any()) {
                if (any.getBoolean()) {
                    names.add(p.name());
                }
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        // a blown-up lr hits nearly every parameter: the first few say where, the count says how far
        String named = names.size() <= NAMED ? String.join(", ", names)
                : String.join(", ", names.subList(0, NAMED)) + " and " + (names.size() - NAMED) + " more";
        return "the update made " + named + " NaN or infinite";
    }

    List<TrainableParameter> parameters() {
        return params;
    }

    private static void borrow(NDArray array, NDManager stepManager) {
        if (array.getManager() != stepManager) {
            array.tempAttach(stepManager);
        }
    }

    private static List<TrainableParameter> trainableParameters(BuiltModel model, boolean decayPositions) {
        Set<String> positionIds = model.positionParameterIds();
        List<TrainableParameter> out = new ArrayList<>();
        for (Pair<String, Parameter> p : model.trainableParameters()) {
            boolean isPosition = positionIds.contains(p.getValue().getId());
            boolean decays = !isPosition || decayPositions;
            out.add(new TrainableParameter(p.getKey(), p.getValue().getArray(), isPosition, decays));
        }
        return out;
    }
}
