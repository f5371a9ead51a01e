package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.ringlab.quant.Ring;

/** The positions (and bias positions) a ring layer owns, and their conversion to weights. */
final class RingParameters {
    private final RingWeightKernel kernel;
    private final Parameter positions;
    private final Parameter biasPositions;
    private volatile WeightMode mode = WeightMode.SOFT;

    RingParameters(Ring ring, Shape positionsShape, long biasCount, boolean withBias) {
        this.kernel = new RingWeightKernel(ring);
        this.positions = uniformPositions("positions", positionsShape);
        this.biasPositions = withBias ? uniformPositions("bias_positions", new Shape(biasCount)) : null;
    }

    /** U[0, 1) like the reference's torch.rand: independent of fan-in, BatchNorm absorbs the scale. */
    private static Parameter uniformPositions(String name, Shape shape) {
        return Parameter.builder()
                .setName(name)
                .setType(Parameter.Type.WEIGHT)
                .optShape(shape)
                .optInitializer((manager, s, type) -> manager.randomUniform(0f, 1f, s, type))
                .build();
    }

    Parameter positions() {
        return positions;
    }

    Parameter biasPositions() {
        return biasPositions;
    }

    Ring ring() {
        return kernel.ring();
    }

    void setMode(WeightMode mode) {
        this.mode = mode;
    }

    WeightMode mode() {
        return mode;
    }

    /** Weights and bias for one forward pass, owned by {@code owner} (the batch's manager). */
    NDArray[] weights(ParameterStore store, NDArray input, boolean training, Shape weightShape) {
        NDManager owner = input.getManager();
        NDArray pos = store.getValue(positions, input.getDevice(), training);
        NDArray bpos = biasPositions == null ? null : store.getValue(biasPositions, input.getDevice(), training);
        NDArray[] out = new NDArray[2];
        kernel.ensureTables(pos);
        // Ops on a parameter would attach their results to the model's manager and leak every step:
        // borrow the parameters into a scratch manager and hand only the results to the batch.
        try (NDManager scratch = owner.newSubManager()) {
            pos.tempAttach(scratch);
            out[0] = kernel.apply(pos, mode, scratch).reshape(weightShape);
            out[0].attach(owner);
            if (bpos != null) {
                bpos.tempAttach(scratch);
                out[1] = kernel.apply(bpos, mode, scratch);
                out[1].attach(owner);
            }
        }
        return out;
    }
}
