package org.ringlab.figures;

import java.util.function.ToDoubleFunction;
import org.ringlab.train.EpochMetrics;

/** A per-epoch quantity from metrics.csv, with its legend label and the dash pattern it is drawn with. */
@SuppressWarnings("ImmutableEnumChecker") // the values are stateless accessor references
public enum Metric {
    TRAIN_ACC("train", EpochMetrics::trainAcc, LineStyle.DASH_DOT),
    TEST_SOFT("test soft", EpochMetrics::testAccSoft, LineStyle.SOLID),
    TEST_SNAPPED("test snapped", EpochMetrics::testAccSnapped, LineStyle.DASHED),
    TEST_SNAPPED_BN("test snapped+BN", EpochMetrics::testAccSnappedBn, LineStyle.DOTTED),
    TRAIN_LOSS("train loss", EpochMetrics::trainLoss, LineStyle.SOLID),
    LR("learning rate", EpochMetrics::lr, LineStyle.SOLID);

    private final String label;
    private final ToDoubleFunction<EpochMetrics> value;
    private final LineStyle lineStyle;

    Metric(String label, ToDoubleFunction<EpochMetrics> value, LineStyle lineStyle) {
        this.label = label;
        this.value = value;
        this.lineStyle = lineStyle;
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
