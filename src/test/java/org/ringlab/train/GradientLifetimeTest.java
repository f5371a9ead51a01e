package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;

/**
 * On CPU, DJL's PyTorch engine builds an array made from Java data (every {@code x.mul(2f)} makes
 * its 2 that way) on a direct buffer without copying, and frees that buffer once the array is
 * closed and collected, while autograd may still hold the tensor for the backward pass: a
 * collection between forward and backward then silently changes the gradients. Every method's
 * gradients must be the same with a collection there, and with the freed memory overwritten.
 */
class GradientLifetimeTest {

    /** Collects, then fills fresh direct buffers with a recognisable value, as a busy JVM would. */
    private static List<ByteBuffer> collectAndReuseFreedMemory() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ByteBuffer> junk = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
            for (int k = 0; k < 4; k++) {
                b.putFloat(4 * k, 1e30f);
            }
            junk.add(b);
        }
        return junk;
    }

    private static List<float[]> gradients(RunConfig config, boolean stress) {
        return gradients(config, stress, 0.5, false);
    }

    /** With {@code penalty}, the loss includes the quantizers' extra terms (QuantizerHooks), at this progress. */
    private static List<float[]> gradients(RunConfig config, boolean stress, double progress, boolean penalty) {
        boolean resnet = config.model().name().startsWith("RESNET");
        BuiltModel model = ModelFactory.build(ModelBuilder.spec(config, resnet ? 3 : 1, resnet ? 32 : 28,
                resnet ? 32 : 28, 10));
        model.setProgress(progress);
        try (NDManager root = NDManager.newBaseManager()) {
            Engine.getEngine("PyTorch").setRandomSeed(7);
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            NDArray x = root.randomNormal(model.inputShape(8));
            NDArray y = root.randomInteger(0, 10, new Shape(8), DataType.INT64);
            GradMode.disableOnThisThread();
            List<float[]> out = new ArrayList<>();
            try (NDManager step = root.newSubManager()) {
                x.tempAttach(step);
                y.tempAttach(step);
                // the freed-memory junk stays reachable until the collector has closed
                List<ByteBuffer> junk = List.of();
                try {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = model.block().forward(store, new NDList(x), true).singletonOrThrow();
                        NDArray loss = new SoftmaxCrossEntropyLoss().evaluate(new NDList(y), new NDList(logits));
                        NDArray extra = penalty ? QuantizerHooks.penalty(model, step) : null;
                        if (penalty) {
                            assertNotNull(extra, config.method() + " has a penalty at progress " + progress);
                            loss = loss.add(extra);
                        }
                        junk = stress ? collectAndReuseFreedMemory() : List.of();
                        gc.backward(loss);
                    }
                } finally {
                    Reference.reachabilityFence(junk);
                }
                for (Pair<String, Parameter> p : model.trainableParameters()) {
                    NDArray g = p.getValue().getArray().getGradient();
                    g.attach(step);
                    out.add(g.toFloatArray());
                }
            }
            return out;
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void gradientsDoNotDependOnACollectionBetweenForwardAndBackward(Method method) {
        RunConfig config = RunConfig.builder().model(ModelKind.LENET).method(method).bits(2).bitnetWarmup(0.5)
                .bitnetRmsnorm(true).build();
        assertSameGradients(config, method.key());
    }

    private static void assertSameGradients(RunConfig config, String label) {
        List<float[]> plain = gradients(config, false);
        List<float[]> stressed = gradients(config, true);
        assertEquals(plain.size(), stressed.size());
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i), stressed.get(i), label + ": gradient of parameter " + i);
        }
    }

    /** The extra loss terms too (ADMM's proximal term, STQ's regulariser), where they are active. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"admm, 0.5", "stq, 0.5", "hla, 0.1"})
    void penaltyGradientsDoNotDependOnACollectionEither(String key, double progress) {
        RunConfig config = RunConfig.builder().model(ModelKind.LENET).method(Method.parse(key)).admmRho(0.5)
                .stqEta(0.5).hlaGamma(0.5).build();
        List<float[]> plain = gradients(config, false, progress, true);
        List<float[]> stressed = gradients(config, true, progress, true);
        List<float[]> without = gradients(config, false, progress, false);
        assertEquals(plain.size(), stressed.size());
        boolean differs = false;
        for (int i = 0; i < plain.size(); i++) {
            assertArrayEquals(plain.get(i), stressed.get(i), key + ": gradient of parameter " + i);
            differs |= !java.util.Arrays.equals(plain.get(i), without.get(i));
        }
        assertTrue(differs, key + ": the penalty changes the gradients");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 4})
    void otherBitWidthsToo(int bits) {
        for (Method method : new Method[] {Method.LSQ, Method.DOREFA, Method.POW2}) {
            assertSameGradients(RunConfig.builder().model(ModelKind.LENET).method(method).bits(bits).build(),
                    method.key() + " " + bits + " bits");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"MLP", "RESNET20"})
    void theOtherModelsToo(ModelKind kind) {
        for (Method method : new Method[] {Method.FP32, Method.RING, Method.RING_STE}) {
            assertSameGradients(RunConfig.builder().model(kind).method(method).build(), kind + " " + method.key());
        }
    }

    @Test
    void theStressReallyOverwritesFreedScalars() {
        // the hazard itself, so that the tests above cannot pass because the stress does nothing;
        // a few attempts, as the collector decides when a closed buffer is really freed
        float grad = 3f;
        for (int attempt = 0; attempt < 5 && grad == 3f; attempt++) {
            grad = unprotectedGradient();
        }
        org.junit.jupiter.api.Assertions.assertNotEquals(3f, grad,
                "DJL no longer frees a closed scalar's buffer under autograd: this test and OwnedScalar can go");
    }

    /** d(sum(3·w))/dw[0] with DJL's own scalar, after the stress; 3 when nothing was overwritten. */
    private static float unprotectedGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            GradMode.disableOnThisThread();
            NDArray w = m.create(new float[] {1f, 2f, 3f});
            w.setRequiresGradient(true);
            try (NDManager step = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = w.mul(3f).sum();
                List<ByteBuffer> junk = collectAndReuseFreedMemory();
                try {
                    gc.backward(y);
                } finally {
                    Reference.reachabilityFence(junk);
                }
                NDArray g = w.getGradient();
                g.attach(step);
                return g.toFloatArray()[0];
            }
        }
    }
}
