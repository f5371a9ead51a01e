package org.ringlab.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ringlab.tables.RunTable;
import org.ringlab.train.LayerSnapshot;

/**
 * Every figure of a selection of runs in one go: the accuracy, loss and learning-rate curves
 * (runs overlaid, seeds grouped, per step where the runs recorded steps), the comparison table, and per run
 * at its last snapshot: for a ring run the ring view and soft-weight histogram of every layer plus an
 * animation of each layer's ring over the run (GIF, MP4 or both); for any other quantized method each layer's latent histogram.
 */
public final class BatchExport {
    /** How long each snapshot shows in an animation: a 3-epoch run at 4 snapshots an epoch plays in 2.4 s. */
    static final int FRAME_MILLIS = 200;

    private BatchExport() {
    }

    /** Writes the figures into {@code dir} in each format, in the default paper style; returns the files written. */
    public static List<Path> write(List<RunData> runs, Set<FigureFormat> formats, FigureSize size,
            Set<AnimationFormat> animate, Path dir) throws IOException {
        return write(runs, formats, size, animate, dir, PaperStyle.DEFAULT, StepCurve.SCREEN);
    }

    /** Writes the figures into {@code dir} in each format; returns the files written. */
    public static List<Path> write(List<RunData> runs, Set<FigureFormat> formats, FigureSize size,
            Set<AnimationFormat> animate, Path dir, PaperStyle style, StepCurve curve) throws IOException {
        return write(runs, RunTable.read(runs.stream().map(RunData::directory).toList()), formats, size, animate, dir,
                style, curve);
    }

    /**
     * Writes the figures into {@code dir} in each format; returns the files written.
     *
     * @param table the same runs, in the same order, as the comparison table reads them (a workspace's runs
     *     come from its store, under their names)
     * @param animate the formats of each ring layer's animation (none: no animations)
     */
    public static List<Path> write(List<RunData> runs, RunTable table, Set<FigureFormat> formats, FigureSize size,
            Set<AnimationFormat> animate, Path dir, PaperStyle style, StepCurve curve) throws IOException {
        if (table.runs().size() != runs.size()) {
            throw new IllegalArgumentException("the table holds " + table.runs().size() + " runs, the figures "
                    + runs.size());
        }
        List<Path> written = new ArrayList<>();
        List<SeedGroup> groups = SeedGroup.of(runs);
        writeAll(MetricChart.of(groups, Metric.accuracies(), "accuracy (%)", Band.STD, null, style, curve), "accuracy",
                formats, size, dir, written);
        writeAll(MetricChart.of(groups, List.of(Metric.TRAIN_LOSS), "train loss (cross-entropy)", Band.STD, null,
                style, curve), "loss", formats, size, dir, written);
        writeAll(MetricChart.of(groups, List.of(Metric.LR), "learning rate", Band.STD, null, style, curve), "lr",
                formats, size, dir, written);
        TableFigure comparison = TableFigure.of(table, runs, TableColumn.DEFAULT, null, style);
        // the table needs the full double-column width to stay legible
        writeAll(comparison, "comparison", formats,
                FigureSize.of(FigureSize.DOUBLE_COLUMN, comparison.heightInches(), size.dpi()), dir, written);
        for (int i = 0; i < runs.size(); i++) {
            RunData run = runs.get(i);
            if (run.snapshots().isEmpty()) {
                continue;
            }
            // the table's name of the run: its folder's name, a workspace run's name (never its id)
            String prefix = table.runs().get(i).name().replaceAll("[^A-Za-z0-9._-]+", "-");
            for (LayerSnapshot layer : run.snapshots().get(run.snapshots().size() - 1).layers()) {
                String name = prefix + "-" + layer.layer();
                if (layer.latent() != null && !run.hasRing()) {
                    writeAll(LatentHistogramFigure.of(run, layer.layer(), null, null, style), name + "-histogram",
                            formats, size, dir, written);
                    continue;
                }
                if (!run.hasRing()) {
                    continue;
                }
                LayerSelection selection = LayerSelection.of(run, layer.layer(), null);
                writeAll(new RingFigure(selection, null, style), name + "-ring", formats, size, dir, written);
                writeAll(SoftWeightHistogram.of(selection, null, style), name + "-histogram", formats, size, dir,
                        written);
                for (AnimationFormat format : animate) {
                    Path file = dir.resolve(name + "-ring." + format.id());
                    if (format == AnimationFormat.MP4) {
                        RingAnimation.writeMp4(run, layer.layer(), FRAME_MILLIS, file);
                    } else {
                        RingAnimation.writeGif(run, layer.layer(), FigureSize.of(size.widthInches(),
                                size.heightInches(), FigureSize.MIN_DPI), FRAME_MILLIS, file);
                    }
                    written.add(file);
                }
            }
        }
        return written;
    }

    private static void writeAll(Figure figure, String name, Set<FigureFormat> formats, FigureSize size, Path dir,
            List<Path> written) throws IOException {
        for (FigureFormat format : formats) {
            Path file = dir.resolve(name + "." + format.id());
            FigureWriter.write(figure, format, size, file);
            written.add(file);
        }
    }
}
