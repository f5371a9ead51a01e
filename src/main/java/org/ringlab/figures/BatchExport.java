package org.ringlab.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RunTable;
import org.ringlab.tables.Table;
import org.ringlab.train.LayerSnapshot;

/**
 * Every figure of a selection of runs in one go: the accuracy, loss and learning-rate curves
 * (runs overlaid, seeds grouped), the comparison table, and for each ring run the ring view and soft-weight histogram of
 * every layer at the last snapshot, plus an animated GIF of each layer's ring over the run.
 */
public final class BatchExport {
    private BatchExport() {
    }

    /** Writes the figures into {@code dir} in each format; returns the files written. */
    public static List<Path> write(List<RunData> runs, Set<FigureFormat> formats, FigureSize size, boolean animate,
            Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        List<SeedGroup> groups = SeedGroup.of(runs);
        writeAll(MetricChart.of(groups, Metric.accuracies(), "accuracy (%)", Band.STD, null), "accuracy", formats,
                size, dir, written);
        writeAll(MetricChart.of(groups, List.of(Metric.TRAIN_LOSS), "train loss (cross-entropy)", Band.STD, null),
                "loss", formats, size, dir, written);
        writeAll(MetricChart.of(groups, List.of(Metric.LR), "learning rate", Band.STD, null), "lr", formats, size,
                dir, written);
        Table comparison = ComparisonTable.of(RunTable.read(runs.stream().map(RunData::directory).toList()));
        // the table needs the full double-column width to stay legible
        writeAll(new TableFigure(comparison, null), "comparison", formats,
                FigureSize.of(FigureSize.DOUBLE_COLUMN, 0.25 + 0.18 * (comparison.rows().size() + 1), size.dpi()),
                dir, written);
        for (RunData run : runs) {
            if (!run.hasRing() || run.snapshots().isEmpty()) {
                continue;
            }
            String prefix = run.directory().getFileName().toString();
            for (LayerSnapshot layer : run.snapshots().get(run.snapshots().size() - 1).layers()) {
                LayerSelection selection = LayerSelection.of(run, layer.layer(), null);
                String name = prefix + "-" + layer.layer();
                writeAll(new RingFigure(selection, null), name + "-ring", formats, size, dir, written);
                writeAll(SoftWeightHistogram.of(selection, null), name + "-histogram", formats, size, dir, written);
                if (animate) {
                    Path gif = dir.resolve(name + "-ring.gif");
                    RingAnimation.writeGif(run, layer.layer(), FigureSize.of(size.widthInches(),
                            size.heightInches(), FigureSize.MIN_DPI), 200, gif);
                    written.add(gif);
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
