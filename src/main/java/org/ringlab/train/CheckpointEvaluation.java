package org.ringlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.ringlab.config.RunConfig;
import org.ringlab.data.BatchSampler;
import org.ringlab.data.ImageDataSet;
import org.ringlab.data.LoadedData;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.WeightMode;

/** Evaluates a saved checkpoint soft, snapped, and snapped after BatchNorm re-estimation. */
public final class CheckpointEvaluation {
    /** Accuracies in percent; the snapped ones are NaN for an FP32 model (nothing is quantized). */
    public record Result(double soft, double snapped, double snappedBn, int testImages) {
    }

    private CheckpointEvaluation() {
    }

    /** Fills an initialised model's parameters (from a RingLab checkpoint, an imported file…). */
    @FunctionalInterface
    public interface ParameterSource {
        void load(BuiltModel model, NDManager manager) throws IOException;
    }

    public static Result evaluate(RunConfig config, LoadedData data, Path checkpoint) throws IOException {
        return evaluate(config, data, (model, manager) -> Checkpoints.load(model, manager, checkpoint));
    }

    public static Result evaluate(RunConfig config, LoadedData data, ParameterSource parameters) throws IOException {
        Device device = Devices.select(config.device());
        GradMode.disableOnThisThread();
        Engine.getInstance().setRandomSeed((int) config.seed());
        // the same subsets the run trained and was tested on, so BN re-estimation sees the same images
        ImageDataSet train = Trainer.limited(data.train(), config.limitTrain(), config.seed());
        ImageDataSet test = Trainer.limited(data.test(), config.limitTest(), config.seed());
        BuiltModel model = ModelBuilder.build(config, train);
        try (NDManager root = NDManager.newBaseManager(device)) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            parameters.load(model, root);
            // a saved model is a trained one: schedules (σ, λ, slope) at their end
            model.setProgress(1.0);
            ParameterStore store = new ParameterStore(root, false);
            Evaluator evaluator = new Evaluator(model, store, root);
            BatchSampler testSampler = new BatchSampler(test, data.normalization(), config.testBatchSize(),
                    config.seed(), false, false);
            double soft = evaluator.accuracy(testSampler, WeightMode.SOFT);
            if (model.quantizedLayers().isEmpty()) {
                return new Result(soft, Double.NaN, Double.NaN, test.count());
            }
            double snapped = evaluator.accuracy(testSampler, WeightMode.SNAPPED);
            BatchSampler recal = new BatchSampler(train, data.normalization(), config.batchSize(), config.seed() + 1,
                    true, false);
            double snappedBn = evaluator.snappedAfterBatchNormRecalibration(testSampler, recal,
                    config.bnRecalBatches());
            return new Result(soft, snapped, snappedBn, test.count());
        }
    }
}
