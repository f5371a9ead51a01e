/**
 * {@code init-from}: reading a pretrained FP32 network (a RingLab FP32 run or a PyTorch state dict
 * through the safe importer) and starting a run's model from it, each method through its
 * {@link org.ringlab.nn.init.FloatInit} (docs/methods/training.md#starting-from-a-pretrained-network).
 */
package org.ringlab.train.init;
