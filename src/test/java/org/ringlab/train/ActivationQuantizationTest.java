package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringlab.config.ActQuantizer;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.QuantizedLayer;

/**
 * Quantized activations in training: a W2A2 LSQ LeNet learns on sample MNIST, the learned
 * activation parameters are trained by the optimiser, saved and restored on resume, and no
 * activation quantizer leaves arrays in the model's manager.
 */
class ActivationQuantizationTest {

    private static RunConfig.Builder w2a2() {
        return RunConfig.defaults().toBuilder().data(SampleData.dir().toString()).method(Method.LSQ).bits(2)
                .actBits(2).actQuantizer(ActQuantizer.LSQ);
    }

    @Test
    void aW2A2LsqLenetLearns(@TempDir Path dir) throws Exception {
        RunConfig config = w2a2().limitTrain(1024).limitTest(300).batchSize(32).testBatchSize(300).epochs(1)
                .snapshotEvery(16).bnRecalBatches(2).build();
        RecordingListener events = new RecordingListener();
        TrainingOutcome outcome = new Trainer(config, SampleData.mnist()).checkpointTo(dir.resolve("checkpoint.params"))
                .run(events, new RunControl());
        assertEquals(RunStatus.FINISHED, outcome.status(), outcome.message());
        int n = events.steps.size();
        double first = 0;
        double last = 0;
        for (int i = 0; i < 8; i++) {
            first += events.steps.get(i).loss() / 8;
            last += events.steps.get(n - 1 - i).loss() / 8;
        }
        EpochMetrics m = outcome.last();
        System.out.printf("W2A2 LSQ LeNet, %d steps: loss %.3f -> %.3f, test soft %.1f snapped %.1f snapped+BN %.1f%n",
                n, first, last, m.testAccSoft(), m.testAccSnapped(), m.testAccSnappedBn());
        assertTrue(last < 0.75 * first, "the loss should fall: first 8 steps " + first + ", last 8 " + last);
        assertTrue(m.testAccSnapped() > 40, "snapped accuracy " + m.testAccSnapped() + " (chance is 10)");

        BitsReport bits = BitsReport.read(dir.resolve(BitsReport.FILE));
        assertEquals(2, bits.activationBits());
        assertEquals("A2 LSQ activations (learned step)", bits.activationQuantizer());
        java.util.List<Integer> inputBits = new ArrayList<>();
        bits.layers().forEach(l -> inputBits.add(l.inputBits()));
        assertEquals(java.util.Arrays.asList(null, 2, 2, 2), inputBits, "conv1 reads the float image");

        // the latent view follows the learned activation step beside the weights' step
        List<LayerSnapshot> layers = events.snapshots.get(events.snapshots.size() - 1).layers();
        assertTrue(layers.get(1).latent().scalars().get("act s") > 0, layers.get(1).latent().scalars().toString());
        assertNull(layers.get(0).latent().scalars().get("act s"), "conv1's input stays float");
    }

    @Test
    void onlyTheHiddenLayersQuantizeTheirInputsByDefault() {
        BuiltModel model = ModelFactory.build(ModelBuilder.spec(w2a2().build(), 1, 28, 28, 10));
        List<String> quantizedInputs = new ArrayList<>();
        for (QuantizedLayer layer : model.quantizedLayers()) {
            if (layer.inputQuantizer() != null) {
                quantizedInputs.add(layer.layerName() + " " + layer.inputQuantizer().label());
            }
        }
        assertEquals(List.of("conv2 LSQ activations 2-bit unsigned (learned step)",
                "fc1 LSQ activations 2-bit unsigned (learned step)", "fc2 LSQ activations 2-bit unsigned (learned step)"),
                quantizedInputs, "conv1 reads the image (float by default), fc3 is a float classifier");
        BuiltModel both = ModelFactory.build(ModelBuilder.spec(w2a2().actFirstBits(8).quantizeLast(true).actLastBits(8)
                .build(), 1, 28, 28, 10));
        assertEquals("LSQ activations 8-bit signed (learned step)",
                both.quantizedLayers().get(0).inputQuantizer().label());
        assertEquals("LSQ activations 8-bit unsigned (learned step)",
                both.quantizedLayers().get(4).inputQuantizer().label());
        BuiltModel floatActivations = ModelFactory.build(ModelBuilder.spec(w2a2().actBits(null).build(), 1, 28, 28, 10));
        for (QuantizedLayer layer : floatActivations.quantizedLayers()) {
            assertNull(layer.inputQuantizer(), layer.layerName());
        }
    }

    @Test
    void aResNetQuantizesEveryConvInputButTheImagesShortcutsIncluded() {
        RunConfig config = w2a2().model(org.ringlab.config.ModelKind.RESNET20).actQuantizer(ActQuantizer.PACT)
                .actPactAlpha(2).build();
        BuiltModel model = ModelFactory.build(ModelBuilder.spec(config, 3, 32, 32, 10));
        List<String> quantizedInputs = model.quantizedLayers().stream().filter(l -> l.inputQuantizer() != null)
                .map(QuantizedLayer::layerName).toList();
        assertEquals(20, quantizedInputs.size(), quantizedInputs.toString());
        assertTrue(quantizedInputs.contains("layer2.0.shortcut.0"));
        assertEquals("layer1.0.conv1", quantizedInputs.get(0), "conv1 reads the image, the classifier is float");
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            NDArray logits = model.block().forward(store, new ai.djl.ndarray.NDList(root.randomNormal(
                    model.inputShape(2))), false).singletonOrThrow();
            assertEquals(new Shape(2, 10), logits.getShape());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ActQuantizer.class, names = {"LSQ", "PACT", "POW2"})
    void learnedActivationParametersAreSetFromTheFirstBatchAndTrained(ActQuantizer kind) {
        // α = 1: inputs past it give α a gradient (at PACT's 10 none would, and only weight decay moves it)
        RunConfig config = w2a2().actQuantizer(kind).actPactAlpha(1.0).build();
        BuiltModel model = ModelFactory.build(ModelBuilder.spec(config, 1, 28, 28, 10));
        Parameter p = model.quantizedLayers().get(1).inputQuantizer().parameters().get(0);
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            assertEquals(kind == ActQuantizer.PACT ? 1f : 0f, p.getArray().getFloat(0),
                    "PACT's α starts at act-pact-alpha; a step set from the first batch starts unset (0)");
            assertTrue(model.trainableParameters().stream().anyMatch(e -> e.getValue() == p),
                    "the optimiser sees it");
            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = new TrainingStep(model, store, new AdamOptimizer(root, 0.9, 0.999, 1e-8, 0), false,
                    true, 5.0);
            assertTrue(step.parameters().stream().anyMatch(t -> t.array() == p.getArray() && t.decays()),
                    "weight decay applies to it (PACT's L2 on α)");
            NDArray x = root.randomNormal(model.inputShape(16));
            NDArray y = root.randomInteger(0, 10, new Shape(16), DataType.INT64);
            List<Float> values = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                try (NDManager stepManager = root.newSubManager()) {
                    step.run(x, y, new int[16], 0.05, stepManager);
                }
                values.add(p.getArray().getFloat(0));
            }
            assertTrue(values.get(0) > 0, kind + " is set: " + values);
            assertNotEquals(values.get(0), values.get(3), kind + " is trained: " + values);
        }
    }

    @Test
    void theLearnedStepsAreSavedAndRestoredOnResume(@TempDir Path dir) throws Exception {
        RunConfig config = w2a2().limitTrain(256).limitTest(200).batchSize(64).testBatchSize(200).epochs(3)
                .snapshotEvery(1000).bnRecalBatches(1).build();
        TrainingOutcome straight = new Trainer(config, SampleData.mnist()).resumableTo(dir.resolve("straight.ckpt"))
                .run(new RecordingListener(), new RunControl());
        assertEquals(RunStatus.FINISHED, straight.status(), straight.message());

        RunControl control = new RunControl();
        RecordingListener stopAfterTwo = new RecordingListener() {
            @Override
            public void onEpoch(EpochMetrics epoch) {
                super.onEpoch(epoch);
                if (epoch.epoch() == 2) {
                    control.stop();
                }
            }
        };
        Path ckpt = dir.resolve("interrupted.ckpt");
        TrainingOutcome first = new Trainer(config, SampleData.mnist()).resumableTo(ckpt).run(stopAfterTwo, control);
        assertEquals(RunStatus.STOPPED, first.status(), first.message());

        // the checkpoint holds every layer's step, set and trained (not the "unset" 0)
        BuiltModel fresh = ModelFactory.build(ModelBuilder.spec(config, 1, 28, 28, 10));
        try (NDManager root = NDManager.newBaseManager()) {
            fresh.block().initialize(root, DataType.FLOAT32, fresh.inputShape(1));
            ResumeCheckpoint.read(ckpt).restoreParameters(fresh, ckpt);
            for (QuantizedLayer layer : fresh.quantizedLayers()) {
                if (layer.inputQuantizer() != null) {
                    float s = layer.inputQuantizer().parameters().get(0).getArray().getFloat(0);
                    assertTrue(s > 0, layer.layerName() + " restored step " + s);
                }
            }
        }

        TrainingOutcome resumed = new Trainer(config, SampleData.mnist()).resumableTo(ckpt).resumeFrom(ckpt)
                .run(new RecordingListener(), new RunControl());
        assertEquals(RunStatus.FINISHED, resumed.status(), resumed.message());
        EpochMetrics a = straight.last();
        EpochMetrics b = resumed.last();
        assertEquals(a.trainLoss(), b.trainLoss(), 1e-6 * Math.abs(a.trainLoss()), "train loss");
        assertEquals(a.testAccSnapped(), b.testAccSnapped(), 1e-9, "snapped test accuracy");
        assertEquals(a.testAccSnappedBn(), b.testAccSnappedBn(), 1e-9, "snapped+BN test accuracy");
    }

    @ParameterizedTest
    @EnumSource(ActQuantizer.class)
    void stepsAndBitsLeaveNoArraysInTheModelsManager(ActQuantizer kind) {
        RunConfig config = w2a2().actQuantizer(kind).actBits(kind.minBits() == 8 ? 8 : 2).bitnetRmsnorm(true).build();
        BuiltModel model = ModelFactory.build(ModelBuilder.spec(config, 1, 28, 28, 10));
        assertNotNull(model.quantizedLayers().get(1).inputQuantizer());
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = new TrainingStep(model, store, new AdamOptimizer(root, 0.9, 0.999, 1e-8, 0), false,
                    true, 5.0);
            NDArray x = root.randomNormal(model.inputShape(4));
            NDArray y = root.randomInteger(0, 10, new Shape(4), DataType.INT64);
            int after3 = 0;
            for (int i = 1; i <= 5; i++) {
                try (NDManager stepManager = root.newSubManager()) {
                    step.run(x, y, new int[4], 1e-3, stepManager);
                }
                BitsReport.of("lsq", "lsq", model);
                if (i == 3) {
                    after3 = root.getManagedArrays().size();
                }
            }
            assertEquals(after3, root.getManagedArrays().size(), kind + ": arrays held by the model's manager");
        }
    }
}
