package org.ringlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.ModelKind;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** The optimiser, clipping and constraint against PyTorch's formulas, and the step's memory. */
class StepMechanicsTest {
    private static final float[] P0 = {0.5f, -1.0f, 2.0f};
    private static final float[][] GRADS = {{0.1f, -0.2f, 0.3f}, {0.4f, 0.1f, -0.5f}, {-0.3f, 0.2f, 0.1f}};

    private static float[] runOptimizer(ParameterOptimizer opt, double lr, boolean decays, NDManager m) {
        NDArray w = m.create(P0);
        TrainableParameter p = new TrainableParameter("w", w, false, decays);
        for (float[] g : GRADS) {
            try (NDManager step = m.newSubManager()) {
                opt.step(List.of(p), List.of(step.create(g)), lr, step);
            }
        }
        return w.toFloatArray();
    }

    @Test
    void sgdMatchesTorchWithMomentumNesterovAndDecay() {
        double lr = 0.1;
        double mu = 0.9;
        double wd = 0.01;
        for (boolean nesterov : new boolean[] {false, true}) {
            double[] p = {P0[0], P0[1], P0[2]};
            double[] buf = new double[3];
            for (float[] g : GRADS) {
                for (int i = 0; i < 3; i++) {
                    double gi = g[i] + wd * p[i];
                    buf[i] = mu * buf[i] + gi;
                    double update = nesterov ? gi + mu * buf[i] : buf[i];
                    p[i] -= lr * update;
                }
            }
            try (NDManager m = NDManager.newBaseManager()) {
                float[] got = runOptimizer(new SgdOptimizer(m, mu, nesterov, wd), lr, true, m);
                assertArrayEquals(toFloat(p), got, 1e-6f, "nesterov=" + nesterov);
            }
        }
    }

    @Test
    void weightDecaySkipsParametersThatOptOut() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] withDecay = runOptimizer(new SgdOptimizer(m, 0, false, 0.5), 0.1, true, m);
            float[] without = runOptimizer(new SgdOptimizer(m, 0, false, 0.5), 0.1, false, m);
            float[] plain = runOptimizer(new SgdOptimizer(m, 0, false, 0.0), 0.1, true, m);
            assertArrayEquals(plain, without, 1e-7f);
            assertTrue(Math.abs(withDecay[2] - plain[2]) > 1e-3);
        }
    }

    @Test
    void adamMatchesTorch() {
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        double[] p = {P0[0], P0[1], P0[2]};
        double[] mo = new double[3];
        double[] v = new double[3];
        int t = 0;
        for (float[] g : GRADS) {
            t++;
            for (int i = 0; i < 3; i++) {
                mo[i] = b1 * mo[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
                p[i] -= lr / (1 - Math.pow(b1, t)) * mo[i] / denom;
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            assertArrayEquals(toFloat(p), runOptimizer(new AdamOptimizer(m, b1, b2, eps, 0), lr, true, m), 1e-6f);
        }
    }

    @Test
    void clippingUsesOneGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {3f, 0f});
            NDArray b = m.create(new float[] {0f, 4f});
            double norm = GradientClipper.clip(List.of(a, b), 1.0);
            assertEquals(5.0, norm, 1e-6);
            assertArrayEquals(new float[] {0.6f, 0f}, a.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {0f, 0.8f}, b.toFloatArray(), 1e-5f);
            NDArray c = m.create(new float[] {0.3f, 0.4f});
            GradientClipper.clip(List.of(c), 1.0);
            assertArrayEquals(new float[] {0.3f, 0.4f}, c.toFloatArray(), 0f, "below the limit: untouched");
        }
    }

    @Test
    void positionsAreClampedOrWrapped() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray clamp = m.create(new float[] {-0.25f, 0.5f, 1.25f});
            NDArray wrap = m.create(new float[] {-0.25f, 0.5f, 1.25f});
            NDArray other = m.create(new float[] {-3f});
            new PositionConstraint(false).apply(List.of(new TrainableParameter("p", clamp, true, true),
                    new TrainableParameter("w", other, false, true)), m);
            new PositionConstraint(true).apply(List.of(new TrainableParameter("p", wrap, true, true)), m);
            assertArrayEquals(new float[] {0f, 0.5f, 1f}, clamp.toFloatArray());
            assertArrayEquals(new float[] {0.75f, 0.5f, 0.25f}, wrap.toFloatArray());
            assertArrayEquals(new float[] {-3f}, other.toFloatArray(), "only positions are constrained");
        }
    }

    /** The leak pitfall of docs/stack.md: a long run must not accumulate NDArrays. */
    @Test
    void trainingStepsDoNotAccumulateArrays() {
        Ring ring = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);
        BuiltModel model = ModelFactory.build(new ModelSpec(ModelKind.LENET, 1, 28, 28, 10, ring, true, true,
                true, false));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            ParameterStore store = new ParameterStore(root, false);
            TrainingStep step = new TrainingStep(model, store, new AdamOptimizer(root, 0.9, 0.999, 1e-8, 1e-4), false,
                    true, 5.0);
            NDArray x = root.randomNormal(model.inputShape(16));
            NDArray y = root.randomInteger(0, 10, new Shape(16), DataType.INT64);
            int[] labels = new int[16];
            int after5 = 0;
            for (int i = 1; i <= 40; i++) {
                try (NDManager stepManager = root.newSubManager()) {
                    step.run(x, y, labels, 1e-3, stepManager);
                }
                if (i == 5) {
                    after5 = root.getManagedArrays().size();
                }
            }
            assertEquals(after5, root.getManagedArrays().size(), "arrays held by the model's manager");
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
