package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.nn.WeightMode;
import org.ringlab.quant.ClusterLevels;
import org.ringlab.quant.IncrementalSchedule;

/**
 * SLQ and MLQ (Xu et al. 2018, docs/methods/clustered.md): k-means levels per layer and an
 * incremental schedule that freezes a growing share of the weights at their level while the rest
 * trains in float and compensates. SLQ: K = 2^(b−1) + 1 levels, whole clusters frozen in order of
 * their quantization loss; MLQ: K = 3 ({c−, 0, c+}, possibly asymmetric), single weights frozen by
 * |w − c|, layer groups one after another (incremental layer compensation). The clustering follows
 * the official SLQ code [CODE]; the schedule, the portion rules and MLQ are INFERRED.
 *
 * <p>Forward (SOFT): w_used = m·c(w) + (1 − m)·w with a detached frozen mask m, so frozen weights
 * get no gradient and need no STE; SNAPPED: every weight at its level (frozen: the one it was frozen
 * at, free: the nearest). The state (levels, each weight's frozen code or −1, whether the layer was
 * clustered) lives in parameters the optimiser does not train, so checkpoints and resumes keep it.
 * The clustering runs at the first forward, after any pretrained weights are loaded.
 */
public final class ClusteredQuantizer extends FloatLatentQuantizer {
    private final Method method;
    private final int bits;
    private final int levelCount;
    private final IncrementalSchedule schedule;
    private final ClusterLevels.Portion portion;
    private int index;
    private int count = 1;
    /** The share this layer was last brought to (−1: not since the last reset or resume). */
    private double applied = -1;
    /** The layer's current levels, for the latent view's reference lines. */
    private volatile float[] shownLevels = new float[0];

    private ClusteredQuantizer(LayerGeometry layer, Method method, int bits, IncrementalSchedule schedule) {
        super(layer);
        this.method = method;
        this.bits = bits;
        this.levelCount = method == Method.SLQ ? ClusterLevels.levelCount(bits) : 3;
        this.schedule = schedule;
        this.portion = method == Method.SLQ ? ClusterLevels.Portion.CLUSTERS : ClusterLevels.Portion.WEIGHTS;
        state("levels", new Shape(levelCount), 0f);
        state("codes", layer.weightShape(), ClusterLevels.FREE);
        state("clustered", new Shape(1), 0f);
    }

    /** SLQ at {@code bits} (K = 2^(b−1) + 1 levels), all layers in step, over {@code stages} stages. */
    public static QuantizerFactory slq(int bits, int stages) {
        IncrementalSchedule s = new IncrementalSchedule(stages, 1);
        return Factories.of(Method.SLQ, label(Method.SLQ, bits, s), List.of(bits, stages),
                layer -> new ClusteredQuantizer(layer, Method.SLQ, bits, s));
    }

    /** MLQ: three k-means levels, {@code stages} stages, {@code groups} layer groups. */
    public static QuantizerFactory mlq(int stages, int groups) {
        IncrementalSchedule s = new IncrementalSchedule(stages, groups);
        return Factories.of(Method.MLQ, label(Method.MLQ, 2, s), List.of(stages, groups),
                layer -> new ClusteredQuantizer(layer, Method.MLQ, 2, s));
    }

    private static String label(Method method, int bits, IncrementalSchedule s) {
        return method == Method.SLQ
                ? String.format(Locale.ROOT, "SLQ %d-bit (%d k-means levels; INFERRED schedule: %d stages)", bits,
                        ClusterLevels.levelCount(bits), s.stages())
                : String.format(Locale.ROOT, "MLQ (3 k-means levels; INFERRED: %d stages, %d layer groups)",
                        s.stages(), s.groups());
    }

    public IncrementalSchedule schedule() {
        return schedule;
    }

    public int levelCount() {
        return levelCount;
    }

    @Override
    public void placed(int index, int count) {
        this.index = index;
        this.count = count;
    }

    /** The stage this layer is in at {@code progress} (0 before its group's first step). */
    public int stage(double progress) {
        return schedule.stage(progress, index, count);
    }

    /** Forget the clustering: new initial (or pretrained) weights are clustered at the next forward. */
    @Override
    public void initialized(List<NDArray> values) {
        ParameterFill.copy(values.get(1), new float[levelCount]);
        float[] free = new float[Math.toIntExact(values.get(2).size())];
        java.util.Arrays.fill(free, ClusterLevels.FREE);
        ParameterFill.copy(values.get(2), free);
        ParameterFill.copy(values.get(3), new float[] {0f});
        applied = -1;
        shownLevels = new float[0];
    }

    /**
     * Brings the layer to the share the schedule asks for at {@code progress}: clusters it on first
     * use, re-clusters the levels no frozen weight holds yet, freezes the next portion and puts the
     * frozen latents on their levels. Between portions the optimiser's momentum and weight decay may
     * move a frozen latent, but nothing reads it: the forward, the codes and the view use its level.
     */
    @Override
    public void prepare(List<NDArray> values, double progress) {
        double share = schedule.share(progress, index, count);
        if (share > applied) {
            float[] w = values.get(0).toFloatArray();
            float[] levels = values.get(1).toFloatArray();
            int[] codes = toCodes(values.get(2).toFloatArray());
            boolean clustered = values.get(3).getFloat(0) > 0;
            if (!clustered) {
                levels = ClusterLevels.powerOfTwoStart(w, levelCount);
                java.util.Arrays.fill(codes, ClusterLevels.FREE);
            }
            long target = Math.round(share * w.length);
            if (!clustered || frozen(codes) < target) {
                ClusterLevels.lloyd(w, codes, levels, ClusterLevels.LLOYD_ITERATIONS);
                ClusterLevels.freeze(w, codes, levels, target, portion);
                ParameterFill.copy(values.get(1), levels);
                ParameterFill.copy(values.get(2), toFloats(codes));
                ParameterFill.copy(values.get(3), new float[] {1f});
                pinFrozenLatents(values);
            }
            shownLevels = levels.clone();
            applied = share;
        }
    }

    private static void pinFrozenLatents(List<NDArray> values) {
        NDArray w = values.get(0);
        boolean grad = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDManager scratch = w.getManager().newSubManager()) {
            for (NDArray v : values) {
                v.tempAttach(scratch);
            }
            NDArray pinned = used(w.stopGradient(), values.get(1), values.get(2));
            w.set(new NDIndex("..."), pinned);
        } finally {
            JniUtils.setGradMode(grad);
        }
    }

    /** m·c + (1 − m)·w: a free weight's code −1 reads level 0, the exact zero, so the sum needs no where. */
    private static NDArray used(NDArray w, NDArray levels, NDArray codes) {
        NDArray free = codes.lt(0f).toType(w.getDataType(), false);
        NDArray index = codes.maximum(0f).toType(DataType.INT64, false);
        return w.mul(free).add(levels.take(index));
    }

    /** Every weight's level index: frozen weights their own, free ones the nearest (first on a tie). */
    private static NDArray snappedCodes(NDArray w, NDArray levels, NDArray codes) {
        NDArray distance = w.stopGradient().reshape(-1, 1).sub(levels.reshape(1, -1)).abs();
        NDArray nearest = distance.argMin(1).toType(DataType.FLOAT32, false).reshape(codes.getShape());
        NDArray free = codes.lt(0f);
        return free.toType(DataType.FLOAT32, false).mul(nearest).add(codes.maximum(0f).mul(free.logicalNot()
                .toType(DataType.FLOAT32, false)));
    }

    @Override
    public QuantizedWeights compute(List<NDArray> values, WeightMode mode, double progress, NDManager scratch) {
        if (mode == WeightMode.SNAPPED) {
            return QuantizedWeights.of(quantized(values, progress, scratch));
        }
        return QuantizedWeights.of(used(values.get(0), values.get(1), values.get(2)));
    }

    @Override
    NDArray quantized(List<NDArray> values, double progress, NDManager scratch) {
        NDArray levels = values.get(1);
        NDArray codes = snappedCodes(values.get(0), levels, values.get(2));
        return levels.take(codes.toType(DataType.INT64, false)).stopGradient();
    }

    @Override
    public NDArray codes(List<NDArray> values, double progress, NDManager scratch) {
        return snappedCodes(values.get(0), values.get(1), values.get(2)).reshape(-1);
    }

    /** The weight the forward uses (frozen ones on their level) over the largest level magnitude. */
    @Override
    public NDArray latentCoordinate(List<NDArray> values, double progress, NDManager scratch) {
        NDArray levels = values.get(1);
        shownLevels = levels.toFloatArray();
        NDArray w = used(values.get(0).stopGradient(), levels, values.get(2));
        return w.div(levels.abs().max().maximum(1e-12f)).reshape(-1);
    }

    @Override
    public LatentAxis axis(double progress) {
        float[] levels = shownLevels;
        double max = 0;
        for (float c : levels) {
            max = Math.max(max, Math.abs(c));
        }
        List<ReferenceLine> lines = new ArrayList<>();
        for (float c : levels) {
            if (max > 0) {
                lines.add(new ReferenceLine(c / max, c == 0 ? "0 (exact level)"
                        : String.format(Locale.ROOT, "c = %.3g", c)));
            }
        }
        return new LatentAxis("w/max|c|", -1.5, 1.5, lines, true);
    }

    /** The incremental schedule as a timeline: the layer's frozen share and stage at each snapshot. */
    @Override
    public Map<String, Double> scalars(List<NDArray> values, double progress) {
        float[] codes = values.get(2).toFloatArray();
        long frozen = 0;
        for (float c : codes) {
            if (c >= 0) {
                frozen++;
            }
        }
        return Map.of("frozen share", codes.length == 0 ? 0.0 : (double) frozen / codes.length,
                "stage", (double) stage(progress));
    }

    @Override
    public double nominalBits() {
        return method == Method.SLQ ? bits : LOG2_3;
    }

    /** Every level but the exact zero is a float stored beside the codes. */
    @Override
    public long sideFloats() {
        return levelCount - 1L;
    }

    @Override
    public String label() {
        return label(method, bits, schedule);
    }

    private static long frozen(int[] codes) {
        long n = 0;
        for (int c : codes) {
            if (c != ClusterLevels.FREE) {
                n++;
            }
        }
        return n;
    }

    private static int[] toCodes(float[] f) {
        int[] c = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            c[i] = (int) f[i];
        }
        return c;
    }

    private static float[] toFloats(int[] codes) {
        return LsqQuantizer.toFloats(codes);
    }
}
