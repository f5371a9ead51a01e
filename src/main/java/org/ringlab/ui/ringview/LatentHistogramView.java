package org.ringlab.ui.ringview;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.ringlab.train.LatentHistogram;
import org.ringlab.train.LayerSnapshot;

/**
 * A non-ring method's latent coordinate as a linear histogram (w/Δ with the dead-zone lines for
 * ternary methods, v/s on the integer grid for LSQ, log2|w| on the exponent grid for power-of-two;
 * docs/methods/latents.md#latent-coordinate), with the method's reference lines, its scalars and code statistics, and
 * an "INFERRED" tag where the method is partly inferred.
 */
public final class LatentHistogramView extends Region {
    /** The reference lines' colour: Okabe-Ito vermillion, distinct from the bars in both palettes. */
    static final Color LINE = Color.web("#D55E00");
    static final String INFERRED = "INFERRED";

    private final Canvas canvas = new Canvas();
    private Palette palette = Palette.PAPER;
    private String title = "latent";
    private LatentHistogram shown;
    private double windowFontPx = ViewText.BASE_WINDOW_PX;

    public LatentHistogramView() {
        getChildren().add(canvas);
        setPrefSize(400, 200);
        setMinSize(0, 0);
    }

    /** Shows one layer's latent histogram; a snapshot without one (a ring layer) clears the view. */
    public void show(LayerSnapshot layer) {
        shown = layer.latent();
        title = layer.layer();
        paint();
    }

    /** Shows the bins of every layer drawn on the same axis as the first, summed. */
    public void showAll(List<LayerSnapshot> layers) {
        LatentHistogram first = null;
        int[] sum = null;
        long[] codes = null;
        for (LayerSnapshot l : layers) {
            LatentHistogram h = l.latent();
            if (h == null) {
                continue;
            }
            if (first == null) {
                first = h;
                sum = new int[h.bins().length];
            }
            if (h.min() != first.min() || h.max() != first.max() || h.bins().length != sum.length) {
                continue;
            }
            int[] b = h.bins();
            for (int i = 0; i < b.length; i++) {
                sum[i] += b[i];
            }
            if (codes == null || codes.length == h.codeCounts().length) {
                long[] c = h.codeCounts();
                codes = codes == null ? c : add(codes, c);
            }
        }
        shown = first == null ? null : new LatentHistogram(first.coordinate(), first.min(), first.max(), sum,
                first.lines(), first.inferred(), codes, Double.NaN, Double.NaN, Map.of());
        title = "all layers";
        paint();
    }

    private static long[] add(long[] a, long[] b) {
        long[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    public LatentHistogram getShown() {
        return shown;
    }

    /** Follows the window's font size in px (see {@link ViewText}). */
    public void setWindowFontPx(double px) {
        if (px != windowFontPx) {
            windowFontPx = px;
            paint();
        }
    }

    public double getWindowFontPx() {
        return windowFontPx;
    }

    public void setDark(boolean dark) {
        palette = Palette.of(dark);
        paint();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
        paint();
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, width, height);
        if (width <= 0 || height <= 0) {
            return;
        }
        double font = ViewText.px(width, height, windowFontPx);
        PlotArea area = PlotArea.fit(width, height, font);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(palette.text());
        g.setFont(Font.font(null, FontWeight.BOLD, font));
        if (shown == null) {
            g.fillText("latent · no snapshot yet", area.left(), 0.4 * font);
            return;
        }
        g.fillText(shown.coordinate() + " · " + title, area.left(), 0.4 * font);
        if (shown.inferred()) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(LINE);
            g.fillText(INFERRED, area.right(), 0.4 * font);
        }
        g.setStroke(palette.guide());
        g.setLineWidth(1);
        g.strokeLine(area.left(), area.bottom() + 0.5, area.right(), area.bottom() + 0.5);

        int[] bins = shown.bins();
        long max = 1;
        for (int b : bins) {
            max = Math.max(max, b);
        }
        g.setFill(palette.bars());
        double binWidth = shown.binWidth();
        for (int i = 0; i < bins.length; i++) {
            double x0 = area.x(shown.min() + i * binWidth, shown.min(), shown.max());
            double x1 = area.x(shown.min() + (i + 1) * binWidth, shown.min(), shown.max());
            double h = (double) bins[i] / max * area.height();
            g.fillRect(x0, area.bottom() - h, x1 - x0, h);
        }
        paintLines(g, area, font, width);
        paintStatistics(g, area, font);
    }

    /** Lines over the bars (thin, so the mass around a threshold stays visible), labelled below the axis. */
    private void paintLines(GraphicsContext g, PlotArea area, double font, double width) {
        Font labelFont = Font.font(font);
        g.setFont(labelFont);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double lastLabelRight = Double.NEGATIVE_INFINITY;
        double lineWidth = Math.max(1, Math.round(font / 12));
        for (LatentHistogram.Line line : shown.lines()) {
            if (line.at() < shown.min() || line.at() > shown.max()) {
                continue;
            }
            double x = Math.round(area.x(line.at(), shown.min(), shown.max())) + 0.5;
            g.setStroke(LINE);
            g.setLineWidth(lineWidth);
            g.strokeLine(x, area.top(), x, area.bottom());
            String label = line.label();
            double half = TextWidth.of(label, labelFont) / 2;
            double centre = Math.max(half, Math.min(width - half, x));
            if (centre - half > lastLabelRight + 0.5 * font) {
                g.setFill(palette.text());
                g.fillText(label, centre, area.bottom() + 0.4 * font);
                lastLabelRight = centre + half;
            }
        }
    }

    /** The method's scalars and the code statistics, one line under the title. */
    private void paintStatistics(GraphicsContext g, PlotArea area, double font) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Double> e : new TreeMap<>(shown.scalars()).entrySet()) {
            text.append(text.length() == 0 ? "" : " · ").append(String.format(Locale.ROOT, "%s %.4g", e.getKey(),
                    e.getValue()));
        }
        long[] codes = shown.codeCounts();
        if (codes != null && codes.length > 0) {
            text.append(text.length() == 0 ? "" : " · ").append(codes.length).append(" codes");
        }
        if (Double.isFinite(shown.codeEntropyBits())) {
            text.append(String.format(Locale.ROOT, " · H %.2f bit", shown.codeEntropyBits()));
        }
        if (Double.isFinite(shown.codeChangeRate())) {
            text.append(String.format(Locale.ROOT, " · %.1f%% changed", 100 * shown.codeChangeRate()));
        }
        g.setFont(Font.font(0.85 * font));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(palette.text());
        g.fillText(text.toString(), area.left(), area.top() + 0.2 * font);
    }
}
