package org.ringlab.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.layout.Region;

/** How the workbench's ChartFX charts are built and lined up: axes, renderers, the step marker. */
final class ChartParts {
    private ChartParts() {
    }

    /**
     * Pads each chart on the left by what its y axis is narrower than the widest, so the plot areas
     * line up and one step sits at the same x on every chart: tick labels such as "2.5" and
     * "0.0001" give the axes different widths. (ChartFX lays axes out at their computed preferred
     * width; a fixed one breaks its label layout.)
     */
    static void alignPlotAreas(List<XYChart> charts) {
        Runnable align = () -> {
            double widest = charts.stream().mapToDouble(ChartParts::yAxisWidth).max().orElse(0);
            for (XYChart chart : charts) {
                chart.setPadding(new Insets(0, 0, 0, widest - yAxisWidth(chart)));
            }
        };
        for (XYChart chart : charts) {
            ((Region) chart.getYAxis()).widthProperty().addListener((observable, old, width) -> align.run());
        }
    }

    static double yAxisWidth(XYChart chart) {
        return ((Region) chart.getYAxis()).getWidth();
    }

    /** @param name the quantity and its unit, e.g. "accuracy (%)" */
    static DefaultNumericAxis axis(String name) {
        // a null unit keeps ChartFX from appending "[]" to the name
        return new DefaultNumericAxis(name, null);
    }

    static XYChart chart(DefaultNumericAxis yAxis, ErrorDataSetRenderer... renderers) {
        DefaultNumericAxis xAxis = axis("step");
        XYChart chart = new XYChart(xAxis, yAxis);
        chart.getStyleClass().add("metrics-chart");
        for (ErrorDataSetRenderer renderer : renderers) {
            // DataPointTooltip only searches renderers that name their axes
            renderer.getAxes().setAll(xAxis, yAxis);
        }
        // renderers draw in list order: faint raw curves first, under the ones they belong to
        chart.getRenderers().setAll(renderers);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        return chart;
    }

    static ErrorDataSetRenderer lines() {
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        // a few thousand points per curve: splitting them over threads costs more than it saves
        renderer.setParallelImplementation(false);
        return renderer;
    }

    static XValueIndicator marker(Axis xAxis) {
        XValueIndicator marker = new XValueIndicator(xAxis, 0);
        // the scrubber moves the marker, not the mouse
        marker.setEditable(false);
        return marker;
    }
}
