package org.ringlab.nn.activation;

import org.ringlab.config.ActQuantizer;
import org.ringlab.config.RunConfig;

/**
 * Which quantized layers get an activation quantizer at their input, and which (docs/methods/activations.md#placement,
 * placement 1): every quantized conv and linear layer reads a quantized input, the residual stream
 * and the shortcut's add stay float. The first layer's input (the normalised image, signed) and the
 * classifier's input follow their own settings, float unless set.
 *
 * @param firstBits bits of the first layer's input, or null to keep it float
 * @param lastBits bits of the classifier's input (when the classifier is quantized), or null for float
 * @param pactAlpha PACT's initial clip level α
 */
public record ActivationPlan(ActQuantizer kind, int bits, Integer firstBits, Integer lastBits, double pactAlpha) {

    /** Where a quantized layer sits, which decides its input's quantizer. */
    public enum Role {
        /** The model's first layer: its input is the image. */
        FIRST,
        /** Any other layer but the classifier: its input follows a ReLU. */
        HIDDEN,
        /** The classifier. */
        LAST
    }

    /** The run's plan, or null where activations stay float. */
    public static ActivationPlan of(RunConfig c) {
        return c.quantizesActivations() ? new ActivationPlan(c.actQuantizer(), c.actBits(), c.actFirstBits(),
                c.actLastBits(), c.actPactAlpha()) : null;
    }

    /** The quantizer of a layer's input, or null where it stays float. */
    public ActivationQuantizer forLayer(Role role) {
        return switch (role) {
            case FIRST -> firstBits == null ? null : create(firstBits, true);
            case LAST -> lastBits == null ? null : create(lastBits, false);
            case HIDDEN -> create(bits, false);
        };
    }

    private ActivationQuantizer create(int b, boolean signed) {
        return switch (kind) {
            case LSQ -> new LsqActivation(b, signed);
            case PACT -> new PactActivation(b, (float) pactAlpha);
            case POW2 -> new PowerOfTwoActivation(b);
            case DOREFA, BITNET, HITNET -> new FixedActivation(kind, b);
        };
    }

    /** "A2 LSQ activations (learned step)", for labels. */
    public String label() {
        return "A" + bits + " " + kind.displayName();
    }
}
