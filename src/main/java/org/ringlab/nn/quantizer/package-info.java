/**
 * Weight quantizers: DJL kernels of each method (LSQ, DoReFa, power-of-two, Tequila), written as
 * static NDArray functions. DJL has no custom autograd, so every backward rule is a stop-gradient
 * identity (docs/methods/conventions.md#ste-by-detach); the matching host-side math (latents, grids, codes, side
 * information) lives in {@code org.ringlab.quant}.
 */
package org.ringlab.nn.quantizer;
