package org.ringlab.nn.quantizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringlab.nn.WeightMode;

/** SLQ and MLQ on a hand-computed 2×4 layer: clustering, freezing, masked gradients, codes, the timeline. */
class ClusteredQuantizersTest {
    private static final float[] W = {0.9f, -0.05f, 0.3f, -0.6f, 0.02f, 0.14f, -0.95f, 0.5f};
    private static final float[] G = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f};
    private static final Shape SHAPE = new Shape(2, 4);
    private static final LayerGeometry FC = new LayerGeometry("fc", SHAPE, null, false, false);
    private static final float C = 1.7f / 3;

    /** Fresh state arrays for {@code q}, its latent set to {@code w}, then reset as after initialisation. */
    private static List<NDArray> values(NDManager m, WeightQuantizer q, float[] w) {
        List<NDArray> v = new ArrayList<>();
        v.add(m.create(w, SHAPE));
        for (ai.djl.nn.Parameter p : q.parameters().subList(1, q.parameters().size())) {
            v.add(m.zeros(p.getShape() != null ? p.getShape() : new Shape(1)));
        }
        q.initialized(v);
        return v;
    }

    private static float[][] floats(List<NDArray> values) {
        return values.stream().map(NDArray::toFloatArray).toArray(float[][]::new);
    }

    @Test
    void mlqFreezesHalfAtStageOneAndTrainsOnlyTheFreeWeights() {
        ClusteredQuantizer q = (ClusteredQuantizer) ClusteredQuantizer.mlq(4, 1).create(FC);
        q.placed(0, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> v = values(m, q, W);
            q.prepare(v, 0);
            // levels {0, 0.5667, −0.775}; the four nearest their level frozen: −0.05, 0.02, 0.14 at 0, 0.5 at c+
            assertArrayEquals(new float[] {0, C, -0.775f}, v.get(1).toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {-1, 0, -1, -1, 0, 0, -1, 1}, v.get(2).toFloatArray(), 0f);
            float[][] state = floats(v);
            List<Shape> shapes = List.of(SHAPE, new Shape(3), SHAPE, new Shape(1));
            Autograd.Result soft = Autograd.run(m, List.of(state), shapes, x -> q.compute(x, WeightMode.SOFT, 0, m), G);
            assertArrayEquals(new float[] {0.9f, 0, 0.3f, -0.6f, 0, 0, -0.95f, C}, soft.output(), 1e-6f);
            assertArrayEquals(new float[] {1, 0, 3, 4, 0, 0, 7, 0}, soft.gradients().get(0), 0f,
                    "frozen weights get no gradient");
            Autograd.Result snapped = Autograd.run(m, List.of(state), shapes,
                    x -> q.compute(x, WeightMode.SNAPPED, 0, m), null);
            assertArrayEquals(new float[] {C, 0, C, -0.775f, 0, 0, -0.775f, C}, snapped.output(), 1e-6f,
                    "deployed: frozen weights at their level, free ones at the nearest");
            assertArrayEquals(new float[] {1, 0, 1, 2, 0, 0, 2, 1}, q.codes(v, 0, m).toFloatArray(), 0f);
            assertEquals(Map.of("frozen share", 0.5, "stage", 1.0), q.scalars(v, 0));
            assertEquals(2, q.sideFloats());
        }
    }

    @Test
    void laterStagesFreezeMoreAndDriftedFrozenLatentsChangeNothing() {
        ClusteredQuantizer q = (ClusteredQuantizer) ClusteredQuantizer.mlq(4, 1).create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> v = values(m, q, W);
            q.prepare(v, 0);
            float[] before = v.get(2).toFloatArray();
            // an optimiser with momentum moved the frozen 0.02 and the free 0.9
            float[] drifted = v.get(0).toFloatArray();
            drifted[4] = 0.07f;
            drifted[0] = 0.95f;
            ParameterFill.copy(v.get(0), drifted);
            q.prepare(v, 0.1);
            float[] used = q.compute(v, WeightMode.SOFT, 0.1, m).weight().toFloatArray();
            assertEquals(0f, used[4], 0f, "a frozen weight stays on its level whatever its latent does");
            assertEquals(0.95f, used[0], 0f, "free weights keep training");
            assertEquals(0f, q.latentCoordinate(v, 0.1, m).toFloatArray()[4], 0f, "the view shows the level");
            q.prepare(v, 0.3);
            assertEquals(0f, v.get(0).toFloatArray()[4], 0f, "freezing a portion puts frozen latents on their level");
            float[] after = v.get(2).toFloatArray();
            int frozen = 0;
            for (int i = 0; i < after.length; i++) {
                if (before[i] >= 0) {
                    assertEquals(before[i], after[i], 0f, "weight " + i + " stays on its level");
                }
                frozen += after[i] >= 0 ? 1 : 0;
            }
            assertEquals(6, frozen, "stage 2: 75 %");
            assertEquals(2.0, q.scalars(v, 0.3).get("stage"));
            assertTrue(after[3] == 2 && after[6] == 2, "the two negatives (|w − c| 0.175) are next");
            q.prepare(v, 1);
            assertEquals(1.0, q.scalars(v, 1).get("frozen share"));
        }
    }

    @Test
    void slqUsesTwoToTheBMinusOnePlusOneLevelsAndDrawsThem() {
        ClusteredQuantizer q = (ClusteredQuantizer) ClusteredQuantizer.slq(3, 4).create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(5, q.levelCount());
            assertEquals(3, q.nominalBits());
            assertEquals(4, q.sideFloats(), "every level but the exact zero");
            List<NDArray> v = values(m, q, W);
            q.prepare(v, 0);
            float[] latent = q.latentCoordinate(v, 0, m).toFloatArray();
            float[] levels = v.get(1).toFloatArray();
            float max = 0;
            for (float c : levels) {
                max = Math.max(max, Math.abs(c));
            }
            LatentAxis axis = q.axis(0);
            assertEquals(5, axis.lines().size());
            assertTrue(axis.inferred());
            for (int i = 0; i < W.length; i++) {
                float code = v.get(2).toFloatArray()[i];
                float used = code >= 0 ? levels[(int) code] : W[i];
                assertEquals(used / max, latent[i], 1e-6f, "weight " + i);
            }
            assertEquals(0.5, q.scalars(v, 0).get("frozen share"));
        }
    }

    /** A resumed run keeps its levels and frozen weights: they are parameters, saved with the checkpoint. */
    @Test
    void theFrozenStateTravelsWithTheCheckpoint(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        org.ringlab.config.RunConfig config = org.ringlab.config.RunConfig.defaults().toBuilder()
                .method(org.ringlab.config.Method.SLQ).bits(3).build();
        java.nio.file.Path file = dir.resolve("slq.params");
        float[] codes;
        float[] levels;
        try (NDManager m = NDManager.newBaseManager()) {
            org.ringlab.nn.BuiltModel model = org.ringlab.nn.ModelFactory.build(
                    org.ringlab.train.ModelBuilder.spec(config, 1, 28, 28, 10));
            model.block().initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, model.inputShape(1));
            org.ringlab.nn.QuantizedLayer conv2 = model.quantizedLayers().get(1);
            conv2.setProgress(0.3);
            try (NDManager scratch = m.newSubManager()) {
                List<NDArray> v = conv2.borrowValues(scratch);
                levels = v.get(1).toFloatArray();
                codes = v.get(2).toFloatArray();
            }
            // training moves the latents on: clustering them afresh would give other levels (1.5× these)
            NDArray latent = conv2.quantizer().latent().getArray();
            float[] moved = latent.toFloatArray();
            for (int i = 0; i < moved.length; i++) {
                moved[i] *= 1.5f;
            }
            ParameterFill.copy(latent, moved);
            org.ringlab.train.Checkpoints.save(model, file);
        }
        try (NDManager m = NDManager.newBaseManager()) {
            org.ringlab.nn.BuiltModel model = org.ringlab.nn.ModelFactory.build(
                    org.ringlab.train.ModelBuilder.spec(config, 1, 28, 28, 10));
            model.block().initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, model.inputShape(1));
            org.ringlab.train.Checkpoints.load(model, m, file);
            org.ringlab.nn.QuantizedLayer conv2 = model.quantizedLayers().get(1);
            conv2.setProgress(0.3);
            try (NDManager scratch = m.newSubManager()) {
                List<NDArray> v = conv2.borrowValues(scratch);
                assertArrayEquals(levels, v.get(1).toFloatArray(), 0f, "the levels are not re-clustered");
                assertArrayEquals(codes, v.get(2).toFloatArray(), 0f, "the same weights stay frozen");
                long frozen = 0;
                for (float c : codes) {
                    frozen += c >= 0 ? 1 : 0;
                }
                assertEquals(Math.round(0.75 * codes.length), frozen, "stage 2 of 4: 75 %");
            }
        }
    }

    @Test
    void resettingForgetsTheClusteringSoPretrainedWeightsAreClusteredAfresh() {
        ClusteredQuantizer q = (ClusteredQuantizer) ClusteredQuantizer.mlq(4, 1).create(FC);
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> v = values(m, q, W);
            q.prepare(v, 0);
            float[] scaled = new float[W.length];
            for (int i = 0; i < W.length; i++) {
                scaled[i] = 4 * W[i];
            }
            ParameterFill.copy(v.get(0), scaled);
            q.initialized(v);
            q.prepare(v, 0);
            assertArrayEquals(new float[] {0, 4 * C, -3.1f}, v.get(1).toFloatArray(), 1e-5f);
        }
    }
}
