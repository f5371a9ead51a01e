package org.ringlab.quant;

/**
 * The incremental schedule of SLQ and MLQ (docs/methods/clustered.md#schedule) [INFERRED: the
 * papers' portion schedule was not verified]: training is cut into S equal stages; in stage s a
 * layer's frozen share is p_s = 1 − 2^−s, and 1 in the last stage (S = 4: 50 %, 75 %, 87.5 %,
 * 100 %, INQ's halving). With G layer groups (MLQ's incremental layer compensation), each stage is
 * cut again into G equal steps and group g, counted from the input, moves up to p_s at step g; the
 * groups after it keep p_{s−1} meanwhile and compensate.
 *
 * @param stages S ≥ 1
 * @param groups G ≥ 1 (1: every layer moves at the stage's start)
 */
public record IncrementalSchedule(int stages, int groups) {

    public IncrementalSchedule {
        if (stages < 1 || groups < 1) {
            throw new IllegalArgumentException("a schedule needs at least one stage and one group, not "
                    + stages + " and " + groups);
        }
    }

    /** p_s: the frozen share stage s (1..S) ends at; p_0 = 0. */
    public double portion(int stage) {
        if (stage <= 0) {
            return 0;
        }
        return stage >= stages ? 1 : 1 - Math.pow(2, -stage);
    }

    /** The group (0 nearest the input) of layer {@code index} of {@code count}. */
    public int group(int index, int count) {
        return count <= 0 ? 0 : (int) Math.min(groups - 1L, (long) index * groups / count);
    }

    /**
     * The stage layer {@code index} of {@code count} is in at {@code progress}: 1..S, the stage whose
     * portion it has reached (a later group waits at the previous stage until its step comes).
     */
    public int stage(double progress, int index, int count) {
        double t = Math.max(0, Math.min(1, progress)) * stages;
        int s = Math.min(stages, (int) Math.floor(t) + 1);
        int step = (int) Math.min(groups - 1L, (long) Math.floor((t - (s - 1)) * groups));
        return step >= group(index, count) ? s : s - 1;
    }

    /** The frozen share layer {@code index} of {@code count} has at {@code progress}. */
    public double share(double progress, int index, int count) {
        return portion(stage(progress, index, count));
    }
}
