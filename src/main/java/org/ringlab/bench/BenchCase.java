package org.ringlab.bench;

import java.util.List;
import org.ringlab.config.ModelKind;
import org.ringlab.nn.ModelSpec;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

/** One benchmark row: a model as the PyTorch peer defines it (peer README), FP32 or ring. */
public record BenchCase(String name, ModelSpec spec) {

    /** The peer's seven configurations, in its order. */
    public static List<BenchCase> peerCases() {
        return List.of(
                new BenchCase("resnet20-fp32", resnet(null)),
                new BenchCase("resnet20-ring4", resnet(ring(4))),
                new BenchCase("resnet20-ring8", resnet(ring(8))),
                new BenchCase("lenet-fp32", small(ModelKind.LENET, null)),
                new BenchCase("lenet-ring8", small(ModelKind.LENET, ring(8))),
                new BenchCase("mlp-fp32", small(ModelKind.MLP, null)),
                new BenchCase("mlp-ring8", small(ModelKind.MLP, ring(8))));
    }

    private static Ring ring(int n) {
        return Ring.of(RingType.TRIANGLE, n, RingMode.REFERENCE);
    }

    private static ModelSpec resnet(Ring ring) {
        return new ModelSpec(ModelKind.RESNET20, 3, 32, 32, 10, ring, false, true, true, false);
    }

    /** LeNet and MLP without BatchNorm, ring layers with ring biases, classifier in FP32. */
    private static ModelSpec small(ModelKind a, Ring ring) {
        return new ModelSpec(a, 1, 28, 28, 10, ring, true, false, true, false);
    }
}
