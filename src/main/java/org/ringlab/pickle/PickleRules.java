package org.ringlab.pickle;

import java.util.List;

/**
 * What one file format allows a pickle to do beyond building plain data. Every method refuses by
 * default; a format overrides only what its files need.
 */
public interface PickleRules {

    /** @return the highest pickle protocol accepted; opcodes of later protocols are refused too */
    int maxProtocol();

    /** @return a value standing for the allowed global {@code module.name}, or null to refuse it */
    Object global(String module, String name);

    /** REDUCE: calls {@code callable} (a value from {@link #global}) with {@code args}. */
    default Object call(Object callable, List<Object> args) throws PickleException {
        throw PickleException.refused("REDUCE on " + PickleReader.describe(callable, this));
    }

    /** BUILD: sets {@code state} on {@code target}, which stays on the stack. */
    default void build(Object target, Object state) throws PickleException {
        throw PickleException.refused("BUILD of " + PickleReader.describe(target, this) + " with "
                + PickleReader.describe(state, this));
    }

    /** BINPERSID: the object a persistent id stands for. */
    default Object persistent(Object pid) throws PickleException {
        throw PickleException.refused("persistent id " + PickleReader.describe(pid, this));
    }

    /** @return a short description of a value only this format knows (e.g. "a tensor"), or null */
    default String describe(Object value) {
        return null;
    }

    /** @return why anything outside the rules is refused, e.g. "RingLab only reads ... so it refuses this file" */
    String why();
}
