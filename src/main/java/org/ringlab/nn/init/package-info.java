/**
 * Starting a quantized layer from pretrained FP32 weights (docs/methods/training.md#initialising-from-a-pretrained-network,
 * spec part 2 §H): one {@link org.ringlab.nn.init.FloatInit} per method family, which each method's descriptor
 * names ({@code MethodDescriptor.floatInit()}).
 */
package org.ringlab.nn.init;
