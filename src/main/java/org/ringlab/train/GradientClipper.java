package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * torch.nn.utils.clip_grad_norm_: one global L2 norm over all gradients, and every gradient scaled
 * by max/(norm + 1e-6) when the norm exceeds max. (DJL's optClipGrad clips each element instead.)
 */
final class GradientClipper {
    private GradientClipper() {
    }

    /**
     * Returns the total norm before clipping (gradients untouched when it is not finite).
     * Temporaries attach to the gradients' manager.
     */
    static double clip(List<NDArray> grads, double maxNorm) {
        double total = norm(grads);
        double coefficient = maxNorm / (total + 1e-6);
        // a non-finite norm is a divergence for the caller to report, not something to scale
        if (Double.isFinite(total) && coefficient < 1.0) {
            for (NDArray g : grads) {
                g.muli(coefficient);
            }
        }
        return total;
    }

    /**
     * The global L2 norm of all gradients, NaN or infinite only when an element is. In float32 a
     * single finite gradient of 2e19 already squares to infinity (PyTorch's clip_grad_norm_ then
     * scales every gradient by 0, and an infinite one to NaN), so a non-finite float32 norm is
     * summed again in float64; the float32 sum stays the per-step path, as in the peer.
     */
    static double norm(List<NDArray> grads) {
        double total = norm(grads, DataType.FLOAT32);
        return Double.isFinite(total) ? total : norm(grads, DataType.FLOAT64);
    }

    private static double norm(List<NDArray> grads, DataType type) {
        NDList norms = new NDList(grads.size());
        for (NDArray g : grads) {
            norms.add(g.toType(type, false).norm());
        }
        return NDArrays.stack(norms).square().sum().sqrt().toType(DataType.FLOAT64, false).getDouble();
    }
}
