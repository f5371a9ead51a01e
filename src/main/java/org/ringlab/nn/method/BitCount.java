package org.ringlab.nn.method;

/**
 * How {@code bits.json} counts a method's bits (docs/methods.md, "Bit accounting"), in words; the
 * figures themselves come from the quantizer's codes, nominal bits and side floats.
 *
 * @param nominal what the method's name claims, e.g. "log2 3"
 * @param codes what is counted as a code, e.g. "the ternary code before scaling"
 * @param sideInformation the fp32 values stored beside the codes, e.g. "one α per layer"
 */
public record BitCount(String nominal, String codes, String sideInformation) {
}
