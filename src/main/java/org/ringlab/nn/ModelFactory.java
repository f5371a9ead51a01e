package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.nn.activation.ActivationPlan.Role;
import org.ringlab.nn.activation.ActivationQuantizer;

/**
 * Builds the reference's models (peer definitions): LeNet-5, the 784-256-10 MLP and CIFAR ResNets
 * with option-B (1×1 conv + BN) projection shortcuts, each FP32 or with quantized layers of one method.
 */
public final class ModelFactory {
    private final ModelSpec spec;
    private final List<QuantizedLayer> quantizedLayers = new ArrayList<>();

    private ModelFactory(ModelSpec spec) {
        this.spec = spec;
    }

    public static BuiltModel build(ModelSpec spec) {
        ModelFactory f = new ModelFactory(spec);
        Block block = switch (spec.architecture()) {
            case LENET -> f.lenet();
            case MLP -> f.mlp();
            case RESNET20, RESNET32, RESNET44 -> f.resnet(spec.architecture().blocksPerStage());
        };
        for (int i = 0; i < f.quantizedLayers.size(); i++) {
            f.quantizedLayers.get(i).quantizer().placed(i, f.quantizedLayers.size());
        }
        return new BuiltModel(spec, block, List.copyOf(f.quantizedLayers));
    }

    // ---- LeNet-5: conv5x5(6,pad2)-pool-conv5x5(16)-pool-fc120-fc84-fc(classes)

    private Block lenet() {
        int c = spec.channels();
        int h = (spec.height() / 2 - 4) / 2;
        int w = (spec.width() / 2 - 4) / 2;
        boolean bias = !spec.ringLayers() || spec.ringBias();
        SequentialBlock net = new SequentialBlock();
        net.add(conv("conv1", c, 6, 5, 1, 2, bias, spec.quantizeFirst(), false, Role.FIRST));
        addNormRelu(net, true);
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        net.add(conv("conv2", 6, 16, 5, 1, 0, bias, true, false, Role.HIDDEN));
        addNormRelu(net, true);
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        net.add(Blocks.batchFlattenBlock());
        net.add(linear("fc1", 16 * h * w, 120, bias, true, Role.HIDDEN));
        addNormRelu(net, true);
        net.add(linear("fc2", 120, 84, bias, true, Role.HIDDEN));
        addNormRelu(net, true);
        net.add(linear("fc3", 84, spec.classes(), true, spec.quantizeLast(), Role.LAST));
        return net;
    }

    // ---- MLP: fc(in→256)-relu-fc(256→classes)

    private Block mlp() {
        boolean bias = !spec.ringLayers() || spec.ringBias();
        SequentialBlock net = new SequentialBlock();
        net.add(Blocks.batchFlattenBlock());
        net.add(linear("fc1", (int) spec.inputSize(), 256, bias, spec.quantizeFirst(), Role.FIRST));
        addNormRelu(net, true);
        net.add(linear("fc2", 256, spec.classes(), true, spec.quantizeLast(), Role.LAST));
        return net;
    }

    private void addNormRelu(SequentialBlock net, boolean relu) {
        if (spec.batchNorm()) {
            net.add(BatchNorm.builder().build());
        }
        if (relu) {
            net.add(Activation.reluBlock());
        }
    }

    // ---- CIFAR ResNet-(6n+2)

    private Block resnet(int n) {
        SequentialBlock net = new SequentialBlock();
        net.add(conv("conv1", spec.channels(), 16, 3, 1, 1, false, spec.quantizeFirst(), true, Role.FIRST));
        net.add(BatchNorm.builder().build());
        net.add(Activation.reluBlock());
        int in = 16;
        int[] widths = {16, 32, 64};
        for (int stage = 0; stage < 3; stage++) {
            for (int b = 0; b < n; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                net.add(basicBlock("layer" + (stage + 1) + "." + b, in, widths[stage], stride));
                in = widths[stage];
            }
        }
        net.add(Pool.globalAvgPool2dBlock());
        Block fc = linear("linear", 64, spec.classes(), true, spec.quantizeLast(), Role.LAST);
        if (spec.quantized() && fc instanceof Linear) {
            // the quantized model's float classifier gets kaiming_normal(fan_out), as in the reference
            fc.setInitializer(Inits.kaimingNormalFanOut(), Parameter.Type.WEIGHT);
        }
        net.add(fc);
        return net;
    }

    private Block basicBlock(String name, int in, int out, int stride) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(name + ".conv1", in, out, 3, stride, 1, false, true, true, Role.HIDDEN))
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(conv(name + ".conv2", out, out, 3, 1, 1, false, true, true, Role.HIDDEN))
                .add(BatchNorm.builder().build());
        Block shortcut;
        if (stride != 1 || in != out) {
            shortcut = new SequentialBlock()
                    .add(conv(name + ".shortcut.0", in, out, 1, stride, 0, false, true, true, Role.HIDDEN))
                    .add(BatchNorm.builder().build());
        } else {
            shortcut = Blocks.identityBlock();
        }
        return new SequentialBlock()
                .add(new ParallelBlock(ModelFactory::sum, List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    private static NDList sum(List<NDList> branches) {
        NDArray main = branches.get(0).singletonOrThrow();
        return new NDList(main.add(branches.get(1).singletonOrThrow()));
    }

    // ---- layers

    /**
     * @param ringAllowed whether this position may be quantized (first/last switches)
     * @param kaiming FP32 ResNet convs use kaiming_normal(fan_out); LeNet keeps torch's default
     * @param role where the layer sits, which decides whether and how its input is quantized
     */
    private Block conv(String name, int in, int out, int k, int stride, int pad, boolean bias, boolean ringAllowed,
            boolean kaiming, Role role) {
        if (spec.quantized() && ringAllowed) {
            QuantizedConv2d layer = spec.ringLayers()
                    ? new RingConv2d(name, spec.quantizer(), in, out, k, stride, pad, bias)
                    : new QuantizedConv2d(name, spec.quantizer(), in, out, k, stride, pad, bias,
                            kaiming ? Inits.kaimingNormalFanOut() : Inits.torchDefaultWeight());
            quantizeInput(layer, role);
            quantizedLayers.add(layer);
            return layer;
        }
        Conv2d layer = Conv2d.builder()
                .setKernelShape(new Shape(k, k))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(pad, pad))
                .setFilters(out)
                .optBias(bias)
                .build();
        layer.setInitializer(kaiming ? Inits.kaimingNormalFanOut() : Inits.torchDefaultWeight(), Parameter.Type.WEIGHT);
        if (bias) {
            layer.setInitializer(Inits.torchDefaultBias((long) in * k * k), Parameter.Type.BIAS);
        }
        return layer;
    }

    /** Puts the plan's activation quantizer (if any, for this role) at the layer's input. */
    private void quantizeInput(QuantizedBlock layer, Role role) {
        if (spec.activations() != null) {
            ActivationQuantizer q = spec.activations().forLayer(role);
            if (q != null) {
                layer.quantizeInputWith(q);
            }
        }
    }

    private Block linear(String name, int in, int out, boolean bias, boolean ringAllowed, Role role) {
        if (spec.quantized() && ringAllowed) {
            QuantizedLinear layer = spec.ringLayers()
                    ? new RingLinear(name, spec.quantizer(), in, out, bias)
                    : new QuantizedLinear(name, spec.quantizer(), in, out, bias, Inits.torchDefaultWeight());
            quantizeInput(layer, role);
            quantizedLayers.add(layer);
            return layer;
        }
        Linear layer = Linear.builder().setUnits(out).optBias(bias).build();
        layer.setInitializer(Inits.torchDefaultWeight(), Parameter.Type.WEIGHT);
        if (bias) {
            layer.setInitializer(Inits.torchDefaultBias(in), Parameter.Type.BIAS);
        }
        return layer;
    }
}
