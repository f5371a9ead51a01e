package org.ringlab.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.lang.reflect.Field;
import java.util.IdentityHashMap;

/**
 * Counts the NDArrays the engine creates on this thread while it is open, without keeping or
 * closing any of them. DJL offers no per-operation hook, but every PyTorch NDArray's constructor
 * registers itself with the thread's innermost {@link NDScope}; this scope swaps its private
 * register for one that only counts, so closing it closes nothing. An engine operation makes one
 * new array (its result), plus one for each Java scalar operand ({@code x.mul(2f)} counts 2); an
 * in-place operation on arrays ({@code muli(y)}) makes none and is not counted, and a new handle on
 * an existing tensor ({@code getGradient()}) is counted. So the figure is a lower bound on engine
 * calls, and it is deterministic: it depends on the code path, not on timing.
 */
public final class ArrayCount extends NDScope {
    private final Counter counter = new Counter();

    /** Throws {@link IllegalStateException} when this DJL version's scope has no register to swap. */
    public ArrayCount() {
        try {
            Field resources = NDScope.class.getDeclaredField("resources");
            resources.setAccessible(true);
            resources.set(this, counter);
        } catch (ReflectiveOperationException | RuntimeException e) {
            super.close();
            throw new IllegalStateException("this DJL version's NDScope cannot count arrays: " + e, e);
        }
    }

    /** NDArrays created on this thread since this scope opened (inner scopes hide theirs). */
    public long created() {
        return counter.puts;
    }

    private static final class Counter extends IdentityHashMap<NDArray, NDArray> {
        private static final long serialVersionUID = 1L;
        private long puts;

        @Override
        public NDArray put(NDArray key, NDArray value) {
            puts++;
            return null;
        }
    }
}
