package org.ringlab.ui.ringview;

import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ringlab.quant.Ring;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.ui.pacing.FrameTicker;

/**
 * What the ring view and the weight histogram share: a canvas that follows the region's size, the
 * ring, the palette, and bars that animate from one snapshot to the next.
 *
 * <p>Subclasses say how a snapshot becomes bar counts and how a frame is painted; this class decides
 * when to paint: animation frames at most {@value #ANIMATION_FPS} a second (the eye reads bars
 * easing over 250 ms as well at 20 frames as at 60, and each frame repaints the canvas), and nothing
 * while the view is hidden, has no size or its window is closed or minimised: what changed meanwhile
 * is painted, without animation, when it shows again.
 */
abstract class LayerSnapshotView extends Region {
    /** Animation frames a second, at most. */
    static final double ANIMATION_FPS = 20;

    private final Canvas canvas = new Canvas();
    private final BarHeights bars = new BarHeights();
    private final FrameTicker animation = new FrameTicker(ANIMATION_FPS, this::animate);
    /** Something changed while the view was not on screen. */
    private boolean stale;

    private Ring ring;
    private Palette palette = Palette.PAPER;
    private BarScale scale = BarScale.LINEAR;
    private LayerSnapshot shown;
    private double windowFontPx = ViewText.BASE_WINDOW_PX;

    LayerSnapshotView(Ring ring, double prefWidth, double prefHeight) {
        this.ring = Objects.requireNonNull(ring, "ring");
        getChildren().add(canvas);
        setPrefSize(prefWidth, prefHeight);
        setMinSize(0, 0);
        visibleProperty().addListener(obs -> paintIfStale());
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, old, window) -> watch(window));
                watch(scene.getWindow());
            }
        });
    }

    /** Paints what changed while the window was closed or minimised once it shows again. */
    private void watch(Window window) {
        if (window != null) {
            window.showingProperty().addListener(obs -> paintIfStale());
            if (window instanceof Stage stage) {
                stage.iconifiedProperty().addListener(obs -> paintIfStale());
            }
        }
    }

    /**
     * Shows a layer's snapshot. With {@code animate} the bars move to it over about 250 ms, starting
     * from wherever they are now (also mid-way through a previous move); without, they jump, which
     * is what scrubbing through recorded snapshots wants.
     *
     * @throws IllegalArgumentException if the snapshot's ring size is not the ring's
     */
    public void show(LayerSnapshot next, boolean animate) {
        if (next.ringSize() != ring.size()) {
            throw new IllegalArgumentException("layer " + next.layer() + " has a ring of " + next.ringSize()
                    + " slots but the view shows " + ring.label());
        }
        shown = next;
        double[] target = scale.heights(barCounts(next, ring));
        if (animate && onScreen()) {
            bars.retarget(target);
            animation.start();
        } else {
            animation.stop();
            bars.jump(target);
            paint();
        }
    }

    /** Shows the sum of the layers that fit the ring (see {@link LayerTotals#of}). */
    public void showAll(List<LayerSnapshot> layers, boolean animate) {
        show(LayerTotals.of(layers, ring), animate);
    }

    /** {@link #showAll(List, boolean)} animated, like successive snapshots of a live run. */
    public void showAll(List<LayerSnapshot> layers) {
        showAll(layers, true);
    }

    /** Sets the ring; a snapshot of another ring size is dropped, since its bins no longer fit. */
    public void setRing(Ring ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
        if (shown != null && shown.ringSize() != ring.size()) {
            shown = null;
        }
        redrawBarsAtOnce();
    }

    public Ring getRing() {
        return ring;
    }

    public void setDark(boolean dark) {
        palette = Palette.of(dark);
        paint();
    }

    public boolean isDark() {
        return Palette.DARK.equals(palette);
    }

    public void setScale(BarScale scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
        redrawBarsAtOnce();
    }

    public BarScale getScale() {
        return scale;
    }

    /** The snapshot on show, or null before the first (or after a ring of another size was set). */
    public LayerSnapshot getShown() {
        return shown;
    }

    /** Bar counts of a snapshot taken on {@code ring}, one per bar. */
    abstract long[] barCounts(LayerSnapshot snapshot, Ring ring);

    /** Paints one frame over the cleared background; {@code heights} are in [0, 1], one per bar. */
    abstract void paint(GraphicsContext g, double width, double height, double[] heights);

    Palette palette() {
        return palette;
    }

    double[] displayedHeights() {
        return bars.current();
    }

    /** Whether the last change is still to be painted because the view was not on screen. */
    boolean isStale() {
        return stale;
    }

    boolean animating() {
        return bars.moving();
    }

    /** The size of the view's text now (see {@link ViewText}). */
    double fontSize(double width, double height) {
        return ViewText.px(width, height, windowFontPx);
    }

    /** Follows the window's font size in px: text is repainted at once at the new size. */
    public void setWindowFontPx(double px) {
        if (px != windowFontPx) {
            windowFontPx = px;
            paint();
        }
    }

    public double getWindowFontPx() {
        return windowFontPx;
    }

    /** Space kept between text and the view's edges. */
    static double margin(double font) {
        return 0.8 * font;
    }

    static double rowHeight(double font) {
        return 1.35 * font;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(snapSizeX(getWidth()));
        canvas.setHeight(snapSizeY(getHeight()));
        paint();
    }

    private void redrawBarsAtOnce() {
        animation.stop();
        bars.jump(shown == null ? new double[0] : scale.heights(barCounts(shown, ring)));
        paint();
    }

    private void animate(long now) {
        if (!bars.advance(now)) {
            animation.stop();
        }
        paint();
    }

    /** Visible, with a size, in a window that shows and is not minimised. */
    private boolean onScreen() {
        Scene scene = getScene();
        Window window = scene == null ? null : scene.getWindow();
        return isVisible() && getWidth() > 0 && getHeight() > 0 && window != null && window.isShowing()
                && !(window instanceof Stage stage && stage.isIconified());
    }

    private void paintIfStale() {
        if (stale) {
            paint();
        }
    }

    private void paint() {
        if (!onScreen()) {
            // a canvas keeps every drawing command until it is rendered: none for a view nobody sees
            stale = true;
            animation.stop();
            bars.jump(bars.target());
            return;
        }
        stale = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(palette.background());
        g.fillRect(0, 0, w, h);
        if (w > 0 && h > 0) {
            paint(g, w, h, bars.current());
        }
    }
}
