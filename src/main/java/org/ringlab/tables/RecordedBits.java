package org.ringlab.tables;

import org.ringlab.config.RunConfig;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;

/**
 * What a run's weights really cost (docs/methods/bits.md#bit-accounting), as the comparison
 * table reports it. NaN (or null) wherever the figure is not known: a value is only shown when it
 * was measured (bits.json, a snapshot) or follows exactly from the configuration.
 *
 * @param methodLabel the method as a reader should see it, e.g. "twn" or "triangle-8 reference"
 * @param nominalBits the bit width the method is named for (log2 of the ring size for a ring)
 * @param levels distinct weight values over all quantized layers; null for FP32 or when unknown
 * @param levelBits the fixed-length code width, ceil(log2 levels), weight-averaged over layers
 * @param entropyBits entropy of the stored codes, weight-averaged over layers: what an entropy
 *     coder could reach
 * @param sideBitsPerWeight 32 × (scales, thresholds, biases kept in float for the quantizer) / N_q
 * @param quantizedWeights N_q, the weights that are quantized; null when unknown
 * @param floatParams parameters left in float (BatchNorm, biases, float first/last layers); null
 *     when unknown
 * @param crWeightsOnly 32·N_q / Σ(level bits + side bits)·N
 * @param crWholeModel 32·N_total / (Σ b·N + 32·N_fp)
 * @param source where the figures come from
 */
public record RecordedBits(String methodLabel, double nominalBits, Integer levels, double levelBits,
        double entropyBits, double sideBitsPerWeight, Long quantizedWeights, Long floatParams, double crWeightsOnly,
        double crWholeModel, Source source) {
    private static final int FLOAT_BITS = 32;

    /** Where a run's bit figures were read or derived from. */
    public enum Source {
        /** The trainer's own account, written at every epoch end. */
        BITS_JSON("bits.json"),
        /** Derived from config.json, with the code entropy of the last position snapshot. */
        CONFIG_AND_SNAPSHOT("config.json + snapshots.jsonl"),
        /** Derived from config.json alone. */
        CONFIG("config.json"),
        /** Nothing known: a method whose bits the configuration alone does not determine. */
        UNKNOWN("unknown");

        private final String text;

        Source(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * The figures that follow from a configuration without a bits.json (older runs, ring runs
     * recorded before the trainer wrote one).
     *
     * <p>FP32: 32 bits, compression 1. Ring: nominal log2(ring size); the distinct values the ring
     * really has and their code width; no side information (the ring's values follow from its
     * type and size); weights-only compression 32 / level bits. The entropy comes from the last
     * position snapshot, when there is one. Whole-model compression needs the count of float
     * parameters, which neither file holds, so it stays empty. Any other method: only its name.
     *
     * @param lastSnapshot the run's last position snapshot, or null
     */
    public static RecordedBits fromConfig(RunConfig config, PositionSnapshot lastSnapshot) {
        String method = config.method().key();
        if (!config.quantized()) {
            return new RecordedBits(method, FLOAT_BITS, null, FLOAT_BITS, Double.NaN, 0, null, null, 1.0, 1.0,
                    Source.CONFIG);
        }
        if (!config.usesRing()) {
            return new RecordedBits(method, Double.NaN, null, Double.NaN, Double.NaN, Double.NaN, null, null,
                    Double.NaN, Double.NaN, Source.UNKNOWN);
        }
        RunBits ring = RunBits.of(config);
        double entropy = Double.NaN;
        Long weights = null;
        Source source = Source.CONFIG;
        if (lastSnapshot != null && !lastSnapshot.layers().isEmpty()) {
            long n = 0;
            double weighted = 0;
            for (LayerSnapshot layer : lastSnapshot.layers()) {
                n += layer.positions();
                weighted += layer.codeEntropyBits() * layer.positions();
            }
            if (n > 0) {
                entropy = weighted / n;
                weights = n;
                source = Source.CONFIG_AND_SNAPSHOT;
            }
        }
        double crWeights = ring.levelBits() == 0 ? Double.POSITIVE_INFINITY : (double) FLOAT_BITS / ring.levelBits();
        return new RecordedBits(RunBits.methodLabel(config), ring.nominalBits(), ring.levels(), ring.levelBits(),
                entropy, 0, weights, null, crWeights, Double.NaN, source);
    }

    /** Whether the weights are full precision, so a snapped accuracy does not apply. */
    public boolean isFullPrecision() {
        return levels == null && nominalBits == FLOAT_BITS;
    }
}
