package org.ringlab.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A learning-rate schedule over epochs, written as {@code constant}, {@code cosine} or
 * {@code multistep:M1,M2,...:GAMMA}. Immutable; {@link #toString()} gives text that
 * {@link #parse(String)} reads back to an equal spec.
 */
public final class ScheduleSpec {

    /** The schedule families, with torch's per-epoch semantics (see {@link #lrAt}). */
    public enum Kind implements ConfigEnum {
        CONSTANT, MULTISTEP, COSINE;

        @Override
        public String toString() {
            return key();
        }
    }

    /** torch.optim.lr_scheduler.MultiStepLR's default, used when the text leaves gamma out. */
    public static final double DEFAULT_GAMMA = 0.1;

    public static final ScheduleSpec CONSTANT = new ScheduleSpec(Kind.CONSTANT, new int[0], 1.0);
    public static final ScheduleSpec COSINE = new ScheduleSpec(Kind.COSINE, new int[0], 1.0);

    private static final String SYNTAX = "expected constant, cosine or multistep:M1,M2,...:GAMMA";

    private final Kind kind;
    private final int[] milestones;
    private final double gamma;

    private ScheduleSpec(Kind kind, int[] milestones, double gamma) {
        this.kind = kind;
        this.milestones = milestones;
        this.gamma = gamma;
    }

    /**
     * Multiplies the rate by {@code gamma} at each milestone epoch. Accepts any values so that
     * {@link ConfigValidator} can report every problem against the run's epoch count.
     */
    public static ScheduleSpec multistep(int[] milestones, double gamma) {
        return new ScheduleSpec(Kind.MULTISTEP, milestones.clone(), gamma);
    }

    /**
     * Reads {@code constant}, {@code cosine} or {@code multistep:M1,M2,...:GAMMA} (case-insensitive;
     * {@code :GAMMA} may be left out for {@value #DEFAULT_GAMMA}).
     *
     * @throws IllegalArgumentException quoting the text and saying what is wrong with it
     */
    public static ScheduleSpec parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("schedule (missing): " + SYNTAX);
        }
        String[] parts = text.trim().split(":", -1);
        String kindName = parts[0].trim().toLowerCase(Locale.ROOT);
        switch (kindName) {
            case "constant", "cosine" -> {
                if (parts.length > 1) {
                    throw invalid(text, kindName + " takes no parameters");
                }
                return kindName.equals("constant") ? CONSTANT : COSINE;
            }
            case "multistep" -> {
                if (parts.length < 2 || parts.length > 3) {
                    throw invalid(text, "expected multistep:M1,M2,...:GAMMA");
                }
                int[] milestones = parseMilestones(text, parts[1]);
                double gamma = parts.length == 3 ? parseGamma(text, parts[2]) : DEFAULT_GAMMA;
                return new ScheduleSpec(Kind.MULTISTEP, milestones, gamma);
            }
            default -> throw invalid(text, SYNTAX);
        }
    }

    private static int[] parseMilestones(String text, String list) {
        if (list.isBlank()) {
            throw invalid(text, "multistep needs at least one milestone");
        }
        String[] items = list.split(",", -1);
        int[] milestones = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                milestones[i] = Integer.parseInt(items[i].trim());
            } catch (NumberFormatException e) {
                throw invalid(text, "milestone '" + items[i].trim() + "' is not an integer");
            }
            if (i > 0 && milestones[i] <= milestones[i - 1]) {
                throw invalid(text, "milestones must increase");
            }
        }
        return milestones;
    }

    private static double parseGamma(String text, String gammaText) {
        try {
            return Double.parseDouble(gammaText.trim());
        } catch (NumberFormatException e) {
            throw invalid(text, "gamma '" + gammaText.trim() + "' is not a number");
        }
    }

    private static IllegalArgumentException invalid(String text, String problem) {
        return new IllegalArgumentException("schedule '" + text + "': " + problem);
    }

    public Kind kind() {
        return kind;
    }

    /** Epochs (0-based) from which the rate is multiplied by gamma once more; empty unless multistep. */
    public int[] milestones() {
        return milestones.clone();
    }

    /** The multistep factor; 1 for the other kinds. */
    public double gamma() {
        return gamma;
    }

    /**
     * The learning rate at a point in training, as torch computes it with the scheduler stepped
     * once per epoch, times a linear warmup factor.
     *
     * @param epochProgress fractional epochs done, 0-based: 2.5 is halfway through the third epoch
     * @param totalEpochs the run's epoch count, the cosine period
     * @param warmupEpochs the rate ramps linearly from 0 to full over this many epochs; 0 = none
     */
    public double lrAt(double baseLr, double epochProgress, int totalEpochs, double warmupEpochs) {
        if (totalEpochs < 1) {
            throw new IllegalArgumentException("totalEpochs must be >= 1, got " + totalEpochs);
        }
        if (!(epochProgress >= 0) || Double.isInfinite(epochProgress)) {
            throw new IllegalArgumentException("epochProgress must be finite and >= 0, got " + epochProgress);
        }
        // torch steps these schedulers at epoch boundaries, so they see whole epochs only
        int epoch = (int) Math.floor(epochProgress);
        double scheduled = switch (kind) {
            case CONSTANT -> baseLr;
            case MULTISTEP -> baseLr * Math.pow(gamma, milestonesReachedBy(epoch));
            // past the period torch's closed form would rise again; training never gets there,
            // and holding the final value is the sane answer for callers that ask anyway
            case COSINE -> 0.5 * baseLr
                    * (1 + Math.cos(Math.PI * Math.min(epoch, totalEpochs) / totalEpochs));
        };
        return scheduled * warmupFactor(epochProgress, warmupEpochs);
    }

    /**
     * The learning rate for one optimisation step: the epoch schedule at {@code epoch}, times a
     * linear warm-up that reaches 1 after {@code warmupEpochs} epochs' worth of steps. The first
     * step already gets 1/(warm-up steps) of the rate, so no step is wasted at lr 0.
     */
    public double lrAtStep(double baseLr, int epoch, int stepInEpoch, int stepsPerEpoch, int totalEpochs,
            double warmupEpochs) {
        double progressAfterStep = epoch + (stepInEpoch + 1.0) / stepsPerEpoch;
        double scheduled = lrAt(baseLr, epoch, totalEpochs, 0.0);
        return scheduled * warmupFactor(progressAfterStep, warmupEpochs);
    }

    /** Like torch's bisect_right: a milestone m counts from the start of epoch m. */
    private int milestonesReachedBy(int epoch) {
        int reached = 0;
        for (int milestone : milestones) {
            if (milestone <= epoch) {
                reached++;
            }
        }
        return reached;
    }

    private static double warmupFactor(double epochProgress, double warmupEpochs) {
        if (!(warmupEpochs > 0) || epochProgress >= warmupEpochs) {
            return 1.0;
        }
        return epochProgress / warmupEpochs;
    }

    @Override
    public String toString() {
        if (kind != Kind.MULTISTEP) {
            return kind.key();
        }
        String list = Arrays.stream(milestones).mapToObj(Integer::toString)
                .collect(Collectors.joining(","));
        return "multistep:" + list + ":" + NumberText.format(gamma);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScheduleSpec that
                && kind == that.kind
                && Arrays.equals(milestones, that.milestones)
                && Double.compare(gamma, that.gamma) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Arrays.hashCode(milestones), gamma);
    }
}
