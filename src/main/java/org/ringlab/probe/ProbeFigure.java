package org.ringlab.probe;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.ringlab.figures.Figure;
import org.ringlab.figures.LineStyle;
import org.ringlab.figures.PaperStyle;

/**
 * The probe as a paper figure: D per layer, one line for the FP32 network and one for the quantized
 * run, and dotted the FP32 features through the paper's binary and ternary thresholds.
 */
public final class ProbeFigure {
    private ProbeFigure() {
    }

    public static Figure of(ProbeResult result, String title) {
        return chart(result, title, PaperStyle.DEFAULT)::draw;
    }

    static JFreeChart chart(ProbeResult result, String title, PaperStyle style) {
        List<ProbeResult.Point> points = result.points();
        XYSeriesCollection data = new XYSeriesCollection();
        add(data, "FP32", points, ProbeResult.Point::fp32);
        add(data, "quantized (snapped)", points, ProbeResult.Point::quantized);
        add(data, "FP32 binary (INFERRED \u03c4)", points, ProbeResult.Point::fp32Binary);
        add(data, "FP32 ternary (INFERRED \u03c4)", points, ProbeResult.Point::fp32Ternary);
        SymbolAxis layers = new SymbolAxis("layer", points.stream().map(ProbeResult.Point::name).toArray(String[]::new));
        layers.setGridBandsVisible(false);
        layers.setVerticalTickLabels(points.size() > 6);
        NumberAxis values = new NumberAxis("D (inter / intra-class distance)");
        values.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        XYPlot plot = new XYPlot(data, layers, values, renderer);
        JFreeChart chart = new JFreeChart(title, style.title(), plot, true);
        style.apply(chart);
        // after the theme, which resets series looks
        LineStyle[] dashes = {LineStyle.SOLID, LineStyle.SOLID, LineStyle.DOTTED, LineStyle.DASHED};
        for (int s = 0; s < data.getSeriesCount(); s++) {
            Color colour = PaperStyle.colour(s);
            renderer.setSeriesPaint(s, colour);
            renderer.setSeriesStroke(s, dashes[s].stroke(PaperStyle.LINE_WIDTH));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-1.6, -1.6, 3.2, 3.2));
        }
        renderer.setDrawSeriesLineAsPath(true);
        plot.setDomainGridlineStroke(new BasicStroke(0.4f));
        return chart;
    }

    private static void add(XYSeriesCollection data, String name, List<ProbeResult.Point> points,
            ToDoubleFunction<ProbeResult.Point> value) {
        XYSeries series = new XYSeries(name, false, true);
        for (int i = 0; i < points.size(); i++) {
            double v = value.applyAsDouble(points.get(i));
            // a 0/0 layer is a gap in the line, not a point at zero
            series.add(i, Double.isNaN(v) ? null : v);
        }
        data.addSeries(series);
    }
}
