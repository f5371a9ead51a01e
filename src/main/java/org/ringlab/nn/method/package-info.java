/**
 * The method registry: one {@link org.ringlab.nn.method.MethodDescriptor} per quantization method
 * (its quantizer factory, latent view and bit accounting), all listed in
 * {@link org.ringlab.nn.method.MethodRegistry}. The facts that need no engine (key, family, label,
 * INFERRED, settings, bit widths) are the method's constant in {@link org.ringlab.config.Method}.
 */
package org.ringlab.nn.method;
