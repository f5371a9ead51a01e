package org.ringlab.ui.talk;

import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.ringlab.train.EpochMetrics;

/**
 * Demo mode's strip of large figures: the shown epoch's test accuracy with soft weights, snapped,
 * and snapped with BatchNorm re-estimated, so the quantization gap reads from the back of a room.
 * Style classes: {@code metric-strip}, {@code metric-caption} and {@code metric-value}.
 */
public final class MetricStrip extends HBox {
    private final Label epoch = new Label();
    private final Label soft = value("metricSoft");
    private final Label snapped = value("metricSnapped");
    private final Label snappedBn = value("metricSnappedBn");
    private EpochMetrics shown;
    private boolean shownLive;
    private boolean shownOnce;

    public MetricStrip() {
        setId("metricStrip");
        getStyleClass().add("metric-strip");
        setAlignment(Pos.CENTER_LEFT);
        epoch.setId("metricEpoch");
        epoch.getStyleClass().add("metric-epoch");
        getChildren().addAll(epoch, block("test soft", soft), block("snapped", snapped),
                block("snapped + BN", snappedBn));
        show(null, true);
    }

    /**
     * Shows an epoch's figures; null before the first evaluation.
     *
     * @param live whether it is the run's newest (as opposed to a scrubbed moment)
     */
    public void show(EpochMetrics e, boolean live) {
        if (shownOnce && Objects.equals(e, shown) && live == shownLive) {
            return;
        }
        shownOnce = true;
        shown = e;
        shownLive = live;
        String when = live ? "" : " (timeline)";
        epoch.setText(e == null ? "no test yet" + when : "epoch " + e.epoch() + when);
        soft.setText(e == null ? "—" : percent(e.testAccSoft()));
        snapped.setText(e == null ? "—" : percent(e.testAccSnapped()));
        snappedBn.setText(e == null ? "—" : percent(e.testAccSnappedBn()));
    }

    /** "98.83 %", or a dash where the figure does not exist (an FP32 run has nothing to snap). */
    static String percent(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f %%", value);
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("metric-value");
        return label;
    }

    private static VBox block(String caption, Label value) {
        Label name = new Label(caption);
        name.getStyleClass().add("metric-caption");
        VBox box = new VBox(name, value);
        box.getStyleClass().add("metric-block");
        return box;
    }
}
