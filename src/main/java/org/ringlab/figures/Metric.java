package org.ringlab.figures;

import java.util.function.ToDoubleFunction;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.StepMetrics;

/**
 * A quantity from metrics.csv (per epoch) and, for the training quantities, from steps.csv (per step),
 * with its legend label, the dash pattern it is drawn with and the marker of its epoch points.
 */
@SuppressWarnings("ImmutableEnumChecker") // the values are stateless accessor references
public enum Metric {
    TRAIN_ACC("train", EpochMetrics::trainAcc, StepMetrics::accuracy, LineStyle.DASH_DOT, Marker.NONE),
    TEST_SOFT("test soft", EpochMetrics::testAccSoft, null, LineStyle.SOLID, Marker.CIRCLE),
    TEST_SNAPPED("test snapped", EpochMetrics::testAccSnapped, null, LineStyle.DASHED, Marker.SQUARE),
    TEST_SNAPPED_BN("test snapped+BN", EpochMetrics::testAccSnappedBn, null, LineStyle.DOTTED, Marker.TRIANGLE),
    /** Per step the batch loss; the epoch's mean loss is marked on top. */
    TRAIN_LOSS("train loss", EpochMetrics::trainLoss, StepMetrics::loss, LineStyle.SOLID, Marker.CIRCLE),
    LR("learning rate", EpochMetrics::lr, StepMetrics::lr, LineStyle.SOLID, Marker.NONE);

    private final String label;
    private final ToDoubleFunction<EpochMetrics> value;
    private final ToDoubleFunction<StepMetrics> stepValue;
    private final LineStyle lineStyle;
    private final Marker marker;

    Metric(String label, ToDoubleFunction<EpochMetrics> value, ToDoubleFunction<StepMetrics> stepValue,
            LineStyle lineStyle, Marker marker) {
        this.label = label;
        this.value = value;
        this.stepValue = stepValue;
        this.lineStyle = lineStyle;
        this.marker = marker;
    }

    /** Whether steps.csv has this quantity per step (the test accuracies exist per epoch only). */
    public boolean perStep() {
        return stepValue != null;
    }

    /** The value at one step; only for {@link #perStep()} metrics. */
    public double ofStep(StepMetrics step) {
        if (stepValue == null) {
            throw new IllegalStateException(label + " is not recorded per step");
        }
        return stepValue.applyAsDouble(step);
    }

    /**
     * Whether its per-step curve is smoothed: the noisy batch loss and accuracy are, as on screen; the
     * learning rate is not, since smoothing would blur the steps of a schedule.
     */
    public boolean smoothed() {
        return this != LR;
    }

    /** The marker of its epoch points; NONE where a per-step curve says it all. */
    public Marker marker() {
        return marker;
    }

    /** The accuracy curves, in the order a legend lists them. */
    public static java.util.List<Metric> accuracies() {
        return java.util.List.of(TRAIN_ACC, TEST_SOFT, TEST_SNAPPED, TEST_SNAPPED_BN);
    }

    public String label() {
        return label;
    }

    /** The value in one epoch; NaN where it does not apply (snapped accuracy of an FP32 run). */
    public double of(EpochMetrics epoch) {
        return value.applyAsDouble(epoch);
    }

    public LineStyle lineStyle() {
        return lineStyle;
    }
}
