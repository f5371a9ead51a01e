package org.ringlab.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.ringlab.quant.BitAccounting;
import org.ringlab.quant.LevelSet;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/**
 * What a published ring checkpoint really holds: soft weights computed from its positions with the
 * reference interpolation, compared with the ring values they would snap to, and the bits and
 * compression a snapped export would really have (docs/methods/bits.md#compression, docs/methods/ring.md#checkpoints).
 * Needs no data set.
 */
public final class CheckpointAnalysis {
    private static final String POSITIONS = ".positions";
    private static final String TEMPLATE = ".ring_template";

    private final Ring ring;
    private final List<SnapStatistics> layers;
    private final SnapStatistics total;
    private final List<BitAccounting.QuantizedTensor> quantized;
    private final long floatParameters;

    private CheckpointAnalysis(Ring ring, List<SnapStatistics> layers, SnapStatistics total,
            List<BitAccounting.QuantizedTensor> quantized, long floatParameters) {
        this.ring = ring;
        this.layers = layers;
        this.total = total;
        this.quantized = quantized;
        this.floatParameters = floatParameters;
    }

    public static CheckpointAnalysis of(TorchCheckpoint checkpoint) throws CheckpointException {
        Ring ring = ringOf(checkpoint);
        RingInterpolation interpolation = new RingInterpolation(ring);
        LevelSet levels = LevelSet.of(ring.values());
        List<SnapStatistics> layers = new ArrayList<>();
        List<BitAccounting.QuantizedTensor> quantized = new ArrayList<>();
        SnapAccumulator all = new SnapAccumulator(levels);
        long floats = 0;
        for (Map.Entry<String, Tensor> e : checkpoint.stateDict().entrySet()) {
            String key = e.getKey();
            Tensor t = e.getValue();
            if (key.endsWith(POSITIONS)) {
                String layer = key.substring(0, key.length() - POSITIONS.length());
                SnapAccumulator acc = new SnapAccumulator(levels);
                for (float p : t.floats()) {
                    acc.add(interpolation.soft(p), interpolation.hard(p));
                }
                all.addAll(acc);
                SnapStatistics s = acc.result(layer);
                layers.add(s);
                quantized.add(new BitAccounting.QuantizedTensor(layer, s.positions(), s.fixedLengthBits(), 0));
            } else if (isFloatParameter(key, t)) {
                floats += t.size();
            }
        }
        return new CheckpointAnalysis(ring, List.copyOf(layers), all.result("total"), List.copyOf(quantized), floats);
    }

    /**
     * What an inference export keeps in float: BatchNorm affine and the classifier. Running statistics
     * are excluded as docs/methods/bits.md#compression counts them (they fold into the affine), and the templates are
     * the codebook, not weights.
     */
    private static boolean isFloatParameter(String key, Tensor t) {
        return t.dtype() == DType.FLOAT32 && !key.endsWith(TEMPLATE) && !key.endsWith(".running_mean")
                && !key.endsWith(".running_var");
    }

    /**
     * The ring every layer uses: its size from {@code ring_size} or the template length, its waveform
     * recognised by matching the stored template bit-for-bit against RingLab's reference rings.
     */
    private static Ring ringOf(TorchCheckpoint c) throws CheckpointException {
        float[] template = null;
        String first = null;
        for (Map.Entry<String, Tensor> e : c.stateDict().entrySet()) {
            if (e.getKey().endsWith(TEMPLATE)) {
                float[] t = e.getValue().floats();
                if (template == null) {
                    template = t;
                    first = e.getKey();
                } else if (!Arrays.equals(template, t)) {
                    throw new CheckpointException(c.file(), e.getKey() + " differs from " + first
                            + ": RingLab analyses one ring per model");
                }
            }
        }
        if (template == null) {
            throw new CheckpointException(c.file(), "has no " + TEMPLATE + " tensors: it is not a ring checkpoint");
        }
        OptionalDouble declared = c.number("ring_size");
        if (declared.isPresent() && declared.getAsDouble() != template.length) {
            throw new CheckpointException(c.file(), "declares ring_size " + (long) declared.getAsDouble()
                    + " but its templates have " + template.length + " values");
        }
        if (template.length < Ring.MIN_SIZE || template.length > Ring.MAX_SIZE) {
            throw new CheckpointException(c.file(), "has a ring of " + template.length + " values, outside "
                    + Ring.MIN_SIZE + ".." + Ring.MAX_SIZE);
        }
        for (RingType type : RingType.values()) {
            Ring candidate = Ring.of(type, template.length, RingMode.REFERENCE);
            if (Arrays.equals(candidate.values(), template)) {
                return candidate;
            }
        }
        throw new CheckpointException(c.file(), first + " " + Arrays.toString(template)
                + " is neither the reference triangle nor the sin ring of size " + template.length);
    }

    public Ring ring() {
        return ring;
    }

    /** One entry per ring layer, in checkpoint order. */
    public List<SnapStatistics> layers() {
        return layers;
    }

    public SnapStatistics total() {
        return total;
    }

    /** Parameters a snapped export would still keep in float32 (BatchNorm affine, classifier). */
    public long floatParameters() {
        return floatParameters;
    }

    /** 32·N_q / Σ b_l·N_l over the ring layers alone. */
    public double weightsOnlyCompression() {
        return BitAccounting.weightsOnlyRatio(quantized);
    }

    /** 32·N_total / (Σ b_l·N_l + 32·N_fp): what a snapped export of the whole model would save. */
    public double wholeModelCompression() {
        return BitAccounting.wholeModelRatio(quantized, floatParameters);
    }
}
