package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingLookupTable;
import org.ringlab.nn.WeightMode;

/**
 * Turns a positions array into effective weights on the engine.
 *
 * <p>Soft weights come from {@link RingLookupTable} rather than the reference's per-weight N×n
 * softmax: four gathers fetch the grid cell's w, Δw, dw/dp and Δ(dw/dp), linear interpolation
 * gives value v and slope d, and the detach identity w = p·stop(d) + stop(v − p·d) hands autograd
 * one multiply-add whose derivative is the tabulated dw/dp. The reference instead records a
 * softmax graph over N×n elements every step. (A single gather of packed rows was measured slower
 * on libtorch's CPU kernels than four flat takes.)
 *
 * <p>Positions must lie in [0, 1] (initialisation and the clamp/wrap after each step keep them
 * there): the cell index is the truncated p·M, which is floor for p ≥ 0, and the tables' closing
 * entry covers p = 1.
 *
 * <p>The tables are created lazily on the positions' own manager (the model's), once per layer
 * and device.
 */
final class RingWeightKernel implements AutoCloseable {
    private final Ring ring;
    private final RingLookupTable table;
    private NDArray values;
    private NDArray valueSteps;
    private NDArray slopes;
    private NDArray slopeSteps;
    private NDArray ringValues;

    RingWeightKernel(Ring ring) {
        this(ring, RingLookupTable.of(ring));
    }

    /** With its own table: an annealed ring's passing σ steps should not fill the shared cache. */
    RingWeightKernel(Ring ring, RingLookupTable table) {
        this.ring = ring;
        this.table = table;
    }

    Ring ring() {
        return ring;
    }

    /**
     * Effective weights (flat) for a positions parameter of any shape, created in {@code scratch}.
     * The caller attaches the result where it must live and closes {@code scratch}.
     */
    NDArray apply(NDArray parameter, WeightMode mode, NDManager scratch) {
        return apply(parameter, mode, false, scratch);
    }

    /**
     * As {@link #apply(NDArray, WeightMode, NDManager)}; with {@code straightThrough} the SOFT forward
     * value is the snapped ring value while the gradient stays the soft dw/dp (ring-STE).
     */
    NDArray apply(NDArray parameter, WeightMode mode, boolean straightThrough, NDManager scratch) {
        NDArray positions = parameter.getShape().dimension() == 1 ? parameter : parameter.reshape(-1);
        NDArray detached = positions.stopGradient();
        if (mode == WeightMode.SNAPPED) {
            NDArray slot = detached.mul(ring.size()).add(0.5f).floor().toType(DataType.INT64, false);
            return ringValues.take(scratch, slot.mod(ring.size()));
        }
        NDArray x = detached.mul(table.intervals());
        NDArray cell = x.toType(DataType.INT64, false);
        NDArray frac = x.sub(cell.toType(DataType.FLOAT32, false));
        NDArray value = values.take(scratch, cell).add(valueSteps.take(scratch, cell).mul(frac));
        NDArray slope = slopes.take(scratch, cell).add(slopeSteps.take(scratch, cell).mul(frac));
        if (straightThrough) {
            NDArray slot = detached.mul(ring.size()).add(0.5f).floor().toType(DataType.INT64, false);
            value = ringValues.take(scratch, slot.mod(ring.size()));
        }
        NDArray offset = value.sub(detached.mul(slope));
        return positions.mul(slope).add(offset);
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

    /** Frees the engine tables (an annealed ring replaces its kernel as σ shrinks). */
    @Override
    public void close() {
        for (NDArray a : new NDArray[] {values, valueSteps, slopes, slopeSteps, ringValues}) {
            if (a != null) {
                a.close();
            }
        }
        values = null;
    }
}
