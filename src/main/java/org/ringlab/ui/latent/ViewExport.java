package org.ringlab.ui.latent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.ringlab.figures.Figure;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.FigureWriter;
import org.ringlab.figures.LatentHistogramFigure;
import org.ringlab.figures.LayerSelection;
import org.ringlab.figures.PaperStyle;
import org.ringlab.figures.RingAnimation;
import org.ringlab.figures.RingFigure;
import org.ringlab.figures.RunData;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.ServiceCalls;

/**
 * Right-click "Export…" on the ring / latent view: the shown snapshot as a figure (PNG, SVG or PDF, as
 * the figures command draws it) or the shown layer's ring over the whole run as an animation (GIF or
 * MP4). The files are written on a background lane; the message bar says when they are done.
 */
public final class ViewExport {
    static final String LANE = "view-export";
    /** Animation frames show as long as in the figures command's default. */
    static final int FRAME_MILLIS = 200;

    /**
     * What the view shows, copied on the JavaFX thread.
     *
     * @param layer the layer, or null for the first (the view shows all layers)
     * @param ring whether the run has a ring (else the latent histogram is drawn)
     */
    public record Shown(RunData run, String layer, int step, boolean ring) {
    }

    private final ServiceCalls calls;
    private final MessageBar messages;
    private final Supplier<Shown> shown;

    /** @param shown what the view shows now; null when it shows nothing */
    public ViewExport(ServiceCalls calls, MessageBar messages, Supplier<Shown> shown) {
        this.calls = calls;
        this.messages = messages;
        this.shown = shown;
    }

    /** Hangs the Export… menu on {@code node}. */
    public void attachTo(Node node) {
        MenuItem figure = new MenuItem("Export figure… (PNG, SVG, PDF)");
        figure.setOnAction(e -> choose(node, "figure", "*.png", "*.svg", "*.pdf").ifPresent(this::exportFigure));
        MenuItem animation = new MenuItem("Export animation… (GIF, MP4)");
        animation.setOnAction(e -> choose(node, "animation", "*.mp4", "*.gif").ifPresent(this::exportAnimation));
        ContextMenu menu = new ContextMenu(figure, animation);
        menu.setOnShowing(e -> {
            Shown now = shown.get();
            figure.setDisable(now == null);
            animation.setDisable(now == null || !now.ring());
        });
        node.setOnContextMenuRequested(e -> {
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private Optional<Path> choose(Node owner, String what, String... patterns) {
        Shown now = shown.get();
        if (now == null) {
            return Optional.empty();
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + what);
        for (String p : patterns) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(p.substring(2).toUpperCase(Locale.ROOT),
                    p));
        }
        String base = now.run().label().replaceAll("[^A-Za-z0-9._-]+", "-") + "-"
                + (now.layer() == null ? "layer" : now.layer());
        chooser.setInitialFileName(what.equals("figure") ? base + "-step" + now.step() + ".png" : base + ".mp4");
        java.io.File file = chooser.showSaveDialog(owner.getScene().getWindow());
        return Optional.ofNullable(file).map(java.io.File::toPath);
    }

    /** Writes the shown snapshot as a figure in the format its name ends with (.png, .svg or .pdf). */
    public void exportFigure(Path file) {
        Shown now = shown.get();
        FigureFormat format = figureFormat(file);
        if (now == null || format == null) {
            messages.say(now == null ? "export: the view shows no snapshot"
                    : "export: " + file.getFileName() + " must end in .png, .svg or .pdf");
            return;
        }
        write(file, () -> {
            Figure figure = now.ring() ? new RingFigure(LayerSelection.of(now.run(), now.layer(), now.step()), null)
                    : LatentHistogramFigure.of(now.run(), now.layer(), now.step(), null, PaperStyle.DEFAULT);
            FigureWriter.write(figure, format, FigureSize.of(FigureSize.SINGLE_COLUMN, null, 300), file);
        });
    }

    /** Writes the shown layer's ring over every snapshot as an MP4 (.mp4) or an animated GIF (.gif). */
    public void exportAnimation(Path file) {
        Shown now = shown.get();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean mp4 = name.endsWith(".mp4");
        if (now == null || !now.ring() || !(mp4 || name.endsWith(".gif"))) {
            messages.say(now == null || !now.ring() ? "export: only a ring run's view can be animated"
                    : "export: " + file.getFileName() + " must end in .mp4 or .gif");
            return;
        }
        write(file, () -> {
            if (mp4) {
                RingAnimation.writeMp4(now.run(), now.layer(), FRAME_MILLIS, file);
            } else {
                RingAnimation.writeGif(now.run(), now.layer(), FigureSize.of(FigureSize.SINGLE_COLUMN, null,
                        FigureSize.MIN_DPI), FRAME_MILLIS, file);
            }
        });
    }

    private interface Writing {
        void run() throws IOException;
    }

    private void write(Path file, Writing writing) {
        messages.say("exporting " + file.getFileName() + "…");
        calls.call(LANE, () -> {
            writing.run();
            return file;
        }, done -> messages.say("exported " + done), error -> messages.fail("export failed", error));
    }

    private static FigureFormat figureFormat(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat f : FigureFormat.values()) {
            if (name.endsWith("." + f.id())) {
                return f;
            }
        }
        return null;
    }
}
