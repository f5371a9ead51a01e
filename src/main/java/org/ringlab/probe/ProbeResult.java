package org.ringlab.probe;

import java.util.List;

/**
 * What the probe measured: per point, the discrimination of the FP32 network's features, of the
 * quantized network's (snapped weights), and of the FP32 features quantized by the paper's binary and
 * ternary thresholds.
 *
 * @param fp32 what the FP32 network was read from
 * @param quantized the quantized run
 * @param images sample size (class-balanced, from the test split)
 * @param seed the sample's seed
 * @param kappa the feature threshold's factor, τ = κ·mean|x| (INFERRED parametrisation)
 * @param fp32Accuracy the FP32 network's accuracy on the sample, percent
 * @param quantizedAccuracy the quantized network's (snapped) accuracy on the sample, percent
 */
public record ProbeResult(String fp32, String quantized, int images, long seed, double kappa, double fp32Accuracy,
        double quantizedAccuracy, List<Point> points) {

    public ProbeResult {
        points = List.copyOf(points);
    }

    /**
     * One layer's measures; each D is NaN where it is 0/0.
     *
     * @param name the layer (e.g. "layer2.0", "fc1")
     * @param dims feature dimensions (channels after global average pooling)
     * @param fp32 D of the FP32 features
     * @param quantized D of the quantized network's features
     * @param fp32Binary D of b(FP32 features)
     * @param fp32Ternary D of t(FP32 features)
     * @param fp32Trace J = tr(S_B)/tr(S_W) of the FP32 features
     * @param quantizedTrace J of the quantized network's features
     */
    public record Point(String name, int dims, double fp32, double quantized, double fp32Binary, double fp32Ternary,
            double fp32Trace, double quantizedTrace) {
    }
}
