package org.ringlab.train;

import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's grad mode is per thread and ON by default on a new thread, while DJL only switches it
 * off on the thread that loaded the engine. A GradientCollector restores the mode it found, so a
 * training thread started later (a UI executor, a worker) would run the optimiser's in-place
 * updates with autograd recording and fail ("a leaf Variable that requires grad is being used in
 * an in-place operation"). Every thread that trains or evaluates calls this first.
 */
final class GradMode {
    private GradMode() {
    }

    static void disableOnThisThread() {
        JniUtils.setGradMode(false);
    }
}
