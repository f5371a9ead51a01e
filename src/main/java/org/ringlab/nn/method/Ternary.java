package org.ringlab.nn.method;

/** What the ternary methods share. */
final class Ternary {
    /** log2 3: three levels. */
    static final double BITS = Math.log(3) / Math.log(2);

    private Ternary() {
    }
}
