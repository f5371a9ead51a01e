package org.ringlab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;

/**
 * Turns a positions array into effective weights on the engine.
 *
 * <p>Soft weights come from {@link RingLookupTable} rather than the reference's per-weight N×n
 * softmax: the forward value is the tabulated w(p) and the gradient the tabulated dw/dp, joined by
 * the detach identity w = v + (p − stop(p))·stop(d). Autograd then sees three element-wise ops per
 * layer instead of the softmax graph, which is where the reference spends its ring overhead.
 *
 * <p>The tables are created lazily on the positions' own manager (the model's), once per layer
 * and device.
 */
final class RingWeightKernel {
    private final Ring ring;
    private final RingLookupTable table;
    private NDArray values;
    private NDArray valueSteps;
    private NDArray slopes;
    private NDArray slopeSteps;
    private NDArray ringValues;

    RingWeightKernel(Ring ring) {
        this.ring = ring;
        this.table = new RingLookupTable(ring);
    }

    Ring ring() {
        return ring;
    }

    /**
     * Effective weights for {@code positions} (a parameter array), created in {@code scratch}.
     * The caller attaches the result where it must live and closes {@code scratch}.
     */
    NDArray apply(NDArray positions, WeightMode mode, NDManager scratch) {
        NDArray detached = positions.stopGradient();
        if (mode == WeightMode.SNAPPED) {
            NDArray slot = detached.mul(ring.size()).add(0.5f).floor().toType(DataType.INT64, false);
            NDArray wrapped = slot.mod(ring.size());
            return ringValues.take(scratch, wrapped);
        }
        int intervals = table.intervals();
        NDArray x = detached.mul(intervals);
        NDArray cell = x.floor().clip(0, intervals - 1);
        NDArray frac = x.sub(cell);
        NDArray index = cell.toType(DataType.INT64, false);
        NDArray value = values.take(scratch, index).add(valueSteps.take(scratch, index).mul(frac));
        NDArray slope = slopes.take(scratch, index).add(slopeSteps.take(scratch, index).mul(frac));
        return positions.sub(detached).mul(slope).add(value);
    }

    /**
     * Creates the tables on the positions' manager (the model's) if needed. Must be called before
     * the positions are borrowed into a scratch manager, or the tables would die with it.
     */
    void ensureTables(NDArray positions) {
        if (values != null && values.getDevice().equals(positions.getDevice())) {
            return;
        }
        NDManager owner = positions.getManager();
        values = owner.create(table.values()).toDevice(positions.getDevice(), false);
        valueSteps = owner.create(table.valueSteps()).toDevice(positions.getDevice(), false);
        slopes = owner.create(table.slopes()).toDevice(positions.getDevice(), false);
        slopeSteps = owner.create(table.slopeSteps()).toDevice(positions.getDevice(), false);
        ringValues = owner.create(ring.values()).toDevice(positions.getDevice(), false);
    }
}
