package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.ringlab.quant.TequilaGroups;

/**
 * Tequila ternary quantization (Huang et al. 2025, docs/methods/ternary.md#tequila) on the engine.
 *
 * <p>Per group of {@code group} consecutive input weights of one output row: α_g = mean|w|,
 * Δ_g = α_g/2, t = [w ≥ Δ_g] − [w ≤ −Δ_g], A = α_g·t; dead set D = {t = 0}. α is not
 * differentiated. Rows whose length (in·kh·kw) is not a multiple of {@code group} end in a smaller
 * group, and a row shorter than {@code group} is one group (see {@link TequilaGroups}); the kernel
 * zero-pads each row to whole groups and divides each group's |w| sum by its real size.
 *
 * <p>Backward, exactly the reference's: with A_ste from {@link #ternaryWeights} and C from
 * {@link #dynamicBias} used as y = x·A_steᵀ + C + b, dL/dw_i = dL/dA_i + [i ∈ D]·λ·dL/dC_o.
 *
 * <p>All results are created in {@code weight}'s manager.
 */
public final class TequilaKernel {
    private TequilaKernel() {
    }

    /**
     * Ternary weights with the plain straight-through gradient: A_ste = w + stop(A − w), written
     * stop(A) + (w − stop(w)) so the forward value is exactly A.
     *
     * @param weight the latent weight, (out, in) or (out, in, kh, kw)
     * @param group weights per group (the paper uses {@link TequilaGroups#DEFAULT_GROUP})
     * @return A_ste with weight's shape, in weight's manager
     */
    public static NDArray ternaryWeights(NDArray weight, int group) {
        NDArray detached = weight.stopGradient();
        NDArray a = ternary(detached, group)[0];
        return a.add(weight.sub(detached));
    }

    /**
     * The dynamic bias C_o = λ·Σ_{i∈D_o} w_{o,i} with the dead-zone mask detached, so
     * dC_o/dw_{o,i} = λ on the dead set and 0 elsewhere.
     *
     * @param weight the latent weight, (out, in) or (out, in, kh, kw)
     * @param group weights per group
     * @param lambda λ (the paper uses {@link TequilaGroups#DEFAULT_LAMBDA})
     * @return C with shape (out), in weight's manager
     */
    public static NDArray dynamicBias(NDArray weight, int group, float lambda) {
        if (!Float.isFinite(lambda)) {
            throw new IllegalArgumentException("the Tequila λ must be a finite number, got " + lambda);
        }
        NDArray dead = ternary(weight.stopGradient(), group)[1];
        int[] inputAxes = new int[weight.getShape().dimension() - 1];
        for (int i = 0; i < inputAxes.length; i++) {
            inputAxes[i] = i + 1;
        }
        return weight.mul(dead).sum(inputAxes).mul(OwnedScalar.of(weight, lambda));
    }

    /**
     * The deployed ternary weights A = α_g·t, with no gradient.
     *
     * @param weight the weight, (out, in) or (out, in, kh, kw)
     * @param group weights per group
     * @return A with weight's shape, in weight's manager
     */
    public static NDArray quantize(NDArray weight, int group) {
        return ternary(weight.stopGradient(), group)[0];
    }

    /** {A, dead-set mask as 0/1 floats}, both with the weight's shape, from a detached weight. */
    private static NDArray[] ternary(NDArray detached, int group) {
        Shape shape = detached.getShape();
        if (shape.dimension() < 2) {
            throw new IllegalArgumentException("Tequila needs a weight of shape (out, in) or (out, in, kh, kw), got "
                    + shape);
        }
        NDManager m = detached.getManager();
        long out = shape.get(0);
        long length = shape.size() / out;
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a Tequila row of " + length + " weights is too long");
        }
        int perRow = TequilaGroups.groupsPerRow((int) length, group);
        long padded = (long) perRow * group;
        NDArray rows = detached.reshape(out, length);
        if (padded != length) {
            rows = rows.concat(m.zeros(new Shape(out, padded - length)), 1);
        }
        NDArray cells = rows.reshape(out, perRow, group);
        float[] sizes = new float[perRow];
        for (int j = 0; j < perRow; j++) {
            sizes[j] = (float) Math.min(group, length - (long) j * group);
        }
        NDArray alpha = cells.abs().sum(new int[] {2}, true).div(m.create(sizes, new Shape(perRow, 1)));
        NDArray delta = alpha.div(2f);
        NDArray t = cells.gte(delta).toType(DataType.FLOAT32, false)
                .sub(cells.lte(delta.neg()).toType(DataType.FLOAT32, false));
        NDArray a = restore(t.mul(alpha), out, padded, length, shape);
        NDArray dead = restore(t.eq(0f).toType(DataType.FLOAT32, false), out, padded, length, shape);
        return new NDArray[] {a, dead};
    }

    private static NDArray restore(NDArray cells, long out, long padded, long length, Shape shape) {
        NDArray rows = cells.reshape(out, padded);
        if (padded != length) {
            rows = rows.get(new NDIndex(":, :{}", length));
        }
        return rows.reshape(shape);
    }
}
