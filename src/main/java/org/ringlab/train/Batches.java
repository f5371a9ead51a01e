package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Small helpers shared by the training and evaluation loops. */
final class Batches {
    private Batches() {
    }

    static NDArray labels(int[] labels, NDManager manager) {
        long[] l = new long[labels.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels[i];
        }
        return manager.create(l);
    }

    /** Number of rows whose arg-max equals the label. */
    static long correct(NDArray logits, int[] labels, NDManager manager) {
        return logits.argMax(1).eq(labels(labels, manager)).sum().getLong();
    }
}
