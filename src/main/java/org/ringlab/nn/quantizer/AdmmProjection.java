package org.ringlab.nn.quantizer;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.ringlab.config.AdmmSet;

/**
 * ADMM's projection onto α·Q for one layer (Leng et al. 2018; docs/methods.md#admm): the α·Q nearest to v in
 * the least-squares sense, by alternating the codes for a fixed α (nearest level of v/α; for the power-of-two
 * sets, thresholds at the midpoints, INFERRED) and α = ⟨v, Q⟩/⟨Q, Q⟩ for fixed codes, from α = mean|v| until
 * the codes stop changing (the public ADMM/SLR code's iterative quantization [CODE]). Binary is closed form:
 * Q = sign(v) (0 counts as +1), α = mean|v|. Everything here is detached.
 *
 * @param codes the level of every weight, in the set's integers, v's shape
 * @param alpha the layer's scale, a 0-d array; mean|v| when the codes are all zero (an all-zero layer)
 */
public record AdmmProjection(NDArray codes, NDArray alpha) {
    /** More than any layer needs: the alternation settles in a handful of rounds. */
    static final int MAX_ROUNDS = 20;
    private static final float TINY = 1e-12f;

    /** α·Q, v's shape. */
    public NDArray values() {
        return codes.mul(alpha);
    }

    public double alphaValue() {
        return alpha.toFloatArray()[0];
    }

    public static AdmmProjection of(NDArray v, AdmmSet set) {
        NDArray x = v.stopGradient();
        NDArray alpha = x.abs().mean().maximum(TINY);
        if (set == AdmmSet.BINARY) {
            return new AdmmProjection(x.gte(0f).toType(x.getDataType(), false).mul(2f).sub(1f), alpha);
        }
        NDArray q = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            NDArray next = nearest(x.div(alpha), set);
            if (q != null && next.contentEquals(q)) {
                break;
            }
            q = next;
            NDArray qq = q.mul(q).sum();
            if (qq.toFloatArray()[0] == 0) {
                break;
            }
            alpha = x.mul(q).sum().div(qq);
        }
        return new AdmmProjection(q, alpha);
    }

    /** The nearest level of the set to each entry of x (ties go to the larger magnitude). */
    static NDArray nearest(NDArray x, AdmmSet set) {
        List<Double> m = set.magnitudes();
        NDArray abs = x.abs();
        NDArray magnitude = abs.zerosLike();
        for (int i = 1; i < m.size(); i++) {
            float threshold = (float) ((m.get(i - 1) + m.get(i)) / 2);
            float step = (float) (m.get(i) - m.get(i - 1));
            magnitude = magnitude.add(abs.gte(threshold).toType(x.getDataType(), false).mul(step));
        }
        return magnitude.mul(x.sign());
    }
}
