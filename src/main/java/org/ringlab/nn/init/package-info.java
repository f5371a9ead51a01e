/**
 * Starting a quantized layer from pretrained FP32 weights
 * (docs/methods/training.md#starting-from-a-pretrained-network): one {@link org.ringlab.nn.init.FloatInit}
 * per method family, which each method's descriptor names ({@code MethodDescriptor.floatInit()}).
 */
package org.ringlab.nn.init;
