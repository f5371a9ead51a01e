package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.ringlab.data.Batch;
import org.ringlab.data.BatchSampler;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.WeightMode;

/** Test-set accuracy of a model with soft or snapped weights. */
final class Evaluator {
    private final BuiltModel model;
    private final ParameterStore store;
    private final NDManager root;

    Evaluator(BuiltModel model, ParameterStore store, NDManager root) {
        this.model = model;
        this.store = store;
        this.root = root;
    }

    /**
     * Snapped accuracy after re-estimating BatchNorm statistics on {@code batches} training batches;
     * the trained statistics and SOFT mode are restored afterwards.
     */
    double snappedAfterBatchNormRecalibration(BatchSampler test, BatchSampler train, int batches) {
        model.setWeightMode(WeightMode.SNAPPED);
        BatchNormRecalibration recalibration = BatchNormRecalibration.apply(model, store, root, train, batches);
        try {
            return accuracy(test, WeightMode.SNAPPED);
        } finally {
            recalibration.close();
            model.setWeightMode(WeightMode.SOFT);
        }
    }

    /** Accuracy in percent; leaves the model in SOFT mode. */
    double accuracy(BatchSampler test, WeightMode mode) {
        model.setWeightMode(mode);
        try {
            long correct = 0;
            long total = 0;
            for (Batch b : test.epoch(0)) {
                try (NDManager m = root.newSubManager()) {
                    NDArray x = m.create(b.images(), new Shape(b.size(), b.channels(), b.height(), b.width()));
                    NDArray logits = model.block().forward(store, new NDList(x), false).singletonOrThrow();
                    correct += Batches.correct(logits, b.labels(), m);
                    total += b.size();
                }
            }
            return total == 0 ? Double.NaN : 100.0 * correct / total;
        } finally {
            model.setWeightMode(WeightMode.SOFT);
        }
    }
}
