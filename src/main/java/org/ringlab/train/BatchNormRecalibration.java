package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.data.Batch;
import org.ringlab.data.BatchSampler;
import org.ringlab.nn.BuiltModel;

/**
 * Re-estimates BatchNorm running statistics for the weights currently in use (e.g. snapped), as a
 * plain average over K training batches (torch's momentum=None), then restores the trained ones.
 *
 * <p>DJL's BatchNorm always applies an exponential update with torch momentum m. Zeroing the
 * running statistics before each batch turns that update into m·(batch statistic), which is summed
 * and divided by K·m at the end.
 */
final class BatchNormRecalibration implements AutoCloseable {
    /** The torch momentum DJL passes for its default 0.9 (see PtNDArrayEx.batchNorm). */
    private static final float TORCH_MOMENTUM = 1f - 0.9f;

    private final List<NDArray> stats = new ArrayList<>();
    private final List<NDArray> saved = new ArrayList<>();
    private final NDManager manager;

    private BatchNormRecalibration(NDManager manager) {
        this.manager = manager;
    }

    /** Runs the re-estimation; closing the returned object restores the trained statistics. */
    static BatchNormRecalibration apply(BuiltModel model, ParameterStore store, NDManager root, BatchSampler train,
            int batches) {
        BatchNormRecalibration r = new BatchNormRecalibration(root.newSubManager());
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                NDArray a = p.getValue().getArray();
                r.stats.add(a);
                NDArray copy = r.manager.zeros(a.getShape(), a.getDataType(), a.getDevice());
                copy.addi(a);
                r.saved.add(copy);
            }
        }
        if (r.stats.isEmpty() || batches <= 0) {
            return r;
        }
        List<NDArray> sums = new ArrayList<>();
        for (NDArray a : r.stats) {
            sums.add(r.manager.zeros(a.getShape(), a.getDataType(), a.getDevice()));
        }
        int used = 0;
        for (Batch b : train.epoch(0)) {
            if (used == batches) {
                break;
            }
            for (NDArray a : r.stats) {
                a.muli(0f);
            }
            try (NDManager m = root.newSubManager()) {
                NDArray x = m.create(b.images(), new Shape(b.size(), b.channels(), b.height(), b.width()));
                model.block().forward(store, new NDList(x), true);
            }
            for (int i = 0; i < r.stats.size(); i++) {
                sums.get(i).addi(r.stats.get(i));
            }
            used++;
        }
        for (int i = 0; i < r.stats.size(); i++) {
            r.stats.get(i).muli(0f).addi(sums.get(i)).muli(1.0 / (used * (double) TORCH_MOMENTUM));
        }
        return r;
    }

    /** Keeps the re-estimated statistics (a fresh start from pretrained weights) and frees the saved copies. */
    void keep() {
        manager.close();
    }

    @Override
    public void close() {
        for (int i = 0; i < stats.size(); i++) {
            stats.get(i).muli(0f).addi(saved.get(i));
        }
        manager.close();
    }
}
