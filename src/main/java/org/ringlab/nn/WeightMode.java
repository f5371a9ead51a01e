package org.ringlab.nn;

/** Which weights a quantized layer uses in its forward pass. */
public enum WeightMode {
    /** The reference's Gaussian-softmax interpolation: continuous weights (what the paper evaluates). */
    SOFT,
    /** Every weight snapped to the ring value of its nearest slot: the network one would deploy. */
    SNAPPED
}
