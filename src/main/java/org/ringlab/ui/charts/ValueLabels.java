package org.ringlab.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Writes each epoch point's value beside it (e.g. "98.4"), for a talk where nobody hovers. Latest
 * points are labelled first and a label that would overlap one already placed is left out, so
 * with several close curves the newest values stay readable rather than a heap of text.
 *
 * <p>Text nodes are reused from a pool and only moved, after ChartFX has laid the chart out
 * (which it does only when the data or the size changed): off, it holds no nodes at all.
 */
final class ValueLabels extends io.fair_acc.chartfx.plugins.ChartPlugin {

    /** One labelled curve: its data, the colour of its text and how a value is written. */
    private record Source(DataSet dataSet, Color colour, String format) {
    }

    // clear of the point's marker (3.5 px across) and of its line
    private static final double GAP = 7;
    private static final double[] NUDGES = {0, -1, 1, -2, 2, -3, 3};

    private final List<Source> sources = new ArrayList<>();
    private final List<Text> pool = new ArrayList<>();
    private boolean shown;
    /** A point lower than the window's 12 px: the labels sit among the curves. */
    private Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 11);

    /** @param format a {@link String#format} pattern for one value, e.g. "%.1f" */
    void add(DataSet dataSet, Color colour, String format) {
        sources.add(new Source(dataSet, colour, format));
    }

    void remove(DataSet dataSet) {
        sources.removeIf(source -> source.dataSet() == dataSet);
    }

    void setShown(boolean shown) {
        this.shown = shown;
        if (!shown) {
            getChartChildren().clear();
        } else if (getChart() != null) {
            // ChartFX runs the plugins' post-layout only for a chart marked dirty
            getChart().invalidate();
        }
    }

    /** The labels' size in px: demo mode's large font reaches them as it reaches the ticks. */
    void setFontPx(double px) {
        font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, px);
        for (Text text : pool) {
            text.setFont(font);
        }
        if (shown && getChart() != null) {
            getChart().invalidate();
        }
    }

    double fontPx() {
        return font.getSize();
    }

    boolean isShown() {
        return shown;
    }

    /** The labels drawn now, for tests. */
    List<Text> texts() {
        return getChartChildren().stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    @Override
    public void runPostLayout() {
        if (!shown || !(getChart() instanceof XYChart chart)) {
            return;
        }
        Axis xAxis = chart.getXAxis();
        Axis yAxis = chart.getYAxis();
        double width = chart.getCanvas().getWidth();
        double height = chart.getCanvas().getHeight();
        List<Bounds> placed = new ArrayList<>();
        List<Text> used = new ArrayList<>();
        int longest = sources.stream().mapToInt(s -> s.dataSet().getDataCount()).max().orElse(0);
        // newest points first: they are the ones a talk is about
        for (int back = 1; back <= longest; back++) {
            for (Source source : sources) {
                DataSet data = source.dataSet();
                int i = data.getDataCount() - back;
                if (i < 0) {
                    continue;
                }
                double y = data.get(DataSet.DIM_Y, i);
                double px = xAxis.getDisplayPosition(data.get(DataSet.DIM_X, i));
                double py = yAxis.getDisplayPosition(y);
                if (!Double.isFinite(px) || !Double.isFinite(py) || px < 0 || px > width || py < 0 || py > height) {
                    continue;
                }
                Text text = text(used.size());
                text.setText(String.format(Locale.ROOT, source.format(), y));
                text.setFill(source.colour());
                Bounds size = text.getLayoutBounds();
                Bounds box = place(px, py, size.getWidth(), size.getHeight(), width, height, placed);
                if (box == null) {
                    continue;
                }
                double left = box.getMinX();
                double top = box.getMinY();
                placed.add(box);
                text.relocate(left, top);
                used.add(text);
            }
        }
        if (!getChartChildren().equals(used)) {
            getChartChildren().setAll(used);
        }
    }

    /**
     * The first free box beside the point: left of it (the newest point is at the right edge), level
     * with it, else nudged up or down by whole lines (soft, snapped and snapped + BN of one epoch
     * often lie within a few pixels), else right of it; null if none is free.
     */
    private static Bounds place(double px, double py, double w, double h, double width, double height,
            List<Bounds> placed) {
        for (double left : new double[] {px - w - GAP, px + GAP}) {
            for (double lines : NUDGES) {
                double top = py - h / 2 + lines * h;
                if (left < 0 || left + w > width || top < 0 || top + h > height) {
                    continue;
                }
                Bounds box = new BoundingBox(left, top, w, h);
                if (placed.stream().noneMatch(box::intersects)) {
                    return box;
                }
            }
        }
        return null;
    }

    private Text text(int index) {
        while (pool.size() <= index) {
            Text text = new Text();
            text.getStyleClass().add("metrics-value-label");
            text.setFont(font);
            text.setManaged(false);
            pool.add(text);
        }
        return pool.get(index);
    }
}
