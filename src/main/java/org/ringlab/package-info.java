/**
 * RingLab: a workbench for extreme (1-4 bit) weight quantization.
 *
 * <p>Packages, one per concern: {@code quant} (ring math, pure Java), {@code nn} (DJL blocks and
 * models), {@code data} (data-set readers), {@code config} (run configuration and validation),
 * {@code train} (training engine), {@code cli} (command line). None of them may use JavaFX.
 */
package org.ringlab;
