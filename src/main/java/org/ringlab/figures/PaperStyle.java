package org.ringlab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of a printed figure, independent of the screen theme: white ground, the Okabe–Ito
 * palette (distinguishable with the common colour-vision deficiencies) and a bundled font at print
 * sizes for a 3.5 in column (LaTeX's \footnotesize to \scriptsize next to 10 pt body text).
 */
public final class PaperStyle {
    /** Okabe–Ito, ordered for lines on white: yellow, the faintest, comes last. */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), Color.BLACK, new Color(0xF0E442)};

    public static final Color GRID = new Color(0xDDDDDD);
    public static final Color INK = Color.BLACK;
    public static final float LINE_WIDTH = 1.2f;
    /** The paper default: Times metrics, as most venues' LaTeX classes. */
    public static final PaperStyle DEFAULT = new PaperStyle(FigureFont.SERIF);

    static {
        // By default JFreeChart draws rotated text (the y-axis label) as a TextLayout, which the SVG and
        // PDF writers can only turn into glyph outlines: no longer text, not searchable, not editable.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final FigureFont font;

    public PaperStyle(FigureFont font) {
        this.font = font;
    }

    public FigureFont font() {
        return font;
    }

    public Font title() {
        return font.bold(9);
    }

    public Font label() {
        return font.plain(8);
    }

    public Font tick() {
        return font.plain(7);
    }

    public Font legend() {
        return font.plain(7);
    }

    public static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** Applies the paper look to a chart built by JFreeChart's factory methods. */
    public JFreeChart apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("paper");
        theme.setExtraLargeFont(title());
        theme.setLargeFont(label());
        theme.setRegularFont(legend());
        theme.setSmallFont(tick());
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(INK);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setTitlePaint(INK);
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(2, 2, 2, 2));
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
            plot.setDomainGridlineStroke(new BasicStroke(0.4f));
            plot.setRangeGridlineStroke(new BasicStroke(0.4f));
            plot.setOutlineStroke(new BasicStroke(0.6f));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(legend());
        }
        return chart;
    }
}
