package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.figures.Band;
import org.ringlab.figures.Figure;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.FigureWriter;
import org.ringlab.figures.LayerSelection;
import org.ringlab.figures.Metric;
import org.ringlab.figures.MetricChart;
import org.ringlab.figures.RingFigure;
import org.ringlab.figures.RunData;
import org.ringlab.figures.SeedGroup;
import org.ringlab.figures.SoftWeightHistogram;
import org.ringlab.figures.TableFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab export}: a publication figure of one or more runs as SVG, PDF or PNG. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Draw a figure of recorded runs for a paper: accuracy, loss or lr per epoch (runs that differ "
            + "only in the seed become a mean line with a band), the ring with a layer's positions, or a layer's "
            + "soft-weight histogram. SVG and PDF keep lines and text as vectors.")
final class ExportFigureCommand implements Callable<Integer> {
    enum FigureKind { accuracy, loss, lr, ring, histogram, comparison }

    enum BandKind { std, minmax }

    @Option(names = "--run", required = true, paramLabel = "DIR",
            description = "A run directory written by 'ringlab train'; repeat to overlay runs.")
    List<Path> runs;

    @Option(names = "--figure", required = true, paramLabel = "KIND",
            description = "accuracy, loss, lr, ring, histogram or comparison (the comparison table).")
    FigureKind figure;

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "svg, pdf or png.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--width-in", defaultValue = "3.5", paramLabel = "IN",
            description = "Width in inches: 3.5 for one column, 7 for two (default ${DEFAULT-VALUE}).")
    double widthInches;

    @Option(names = "--height-in", paramLabel = "IN", description = "Height in inches (default: width × 0.75).")
    Double heightInches;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "N",
            description = "PNG resolution, 150..600 (default ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--layer", paramLabel = "NAME", description = "Layer for ring/histogram (default: the first).")
    String layer;

    @Option(names = "--step", paramLabel = "N", description = "Snapshot step for ring/histogram (default: the last).")
    Integer step;

    @Option(names = "--band", defaultValue = "std", paramLabel = "KIND",
            description = "Band around a seed group's mean: std or minmax (default ${DEFAULT-VALUE}).")
    BandKind band;

    @Option(names = "--title", paramLabel = "T", description = "A title above the figure.")
    String title;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        FigureFormat fileFormat = FigureArguments.format("--format", format);
        FigureSize size = FigureArguments.size(widthInches, heightInches, dpi);
        List<RunData> data = FigureArguments.runs(runs);
        Figure drawn;
        try {
            drawn = build(data);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        FigureWriter.write(drawn, fileFormat, size, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, %.2f × %.2f in%s)%n", out, fileFormat.id(),
                size.widthInches(), size.heightInches(),
                fileFormat == FigureFormat.PNG ? ", " + size.widthPixels() + "×" + size.heightPixels() + " px" : "");
        return 0;
    }

    private Figure build(List<RunData> data) {
        Band shaded = band == BandKind.minmax ? Band.MINMAX : Band.STD;
        return switch (figure) {
            case accuracy -> MetricChart.of(SeedGroup.of(data), Metric.accuracies(), "accuracy (%)", shaded, title);
            case loss -> MetricChart.of(SeedGroup.of(data), List.of(Metric.TRAIN_LOSS), "train loss (cross-entropy)",
                    shaded, title);
            case lr -> MetricChart.of(SeedGroup.of(data), List.of(Metric.LR), "learning rate", shaded, title);
            case ring -> new RingFigure(LayerSelection.of(single(data), layer, step), title);
            case histogram -> SoftWeightHistogram.of(LayerSelection.of(single(data), layer, step), title);
            case comparison -> new TableFigure(comparisonOf(data), title);
        };
    }

    private static org.ringlab.tables.Table comparisonOf(List<RunData> data) {
        try {
            return org.ringlab.tables.ComparisonTable.of(
                    org.ringlab.tables.RunTable.read(data.stream().map(RunData::directory).toList()));
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private RunData single(List<RunData> data) {
        if (data.size() != 1) {
            throw new UserError("--figure " + figure + " draws one run; got " + data.size() + " --run");
        }
        return data.get(0);
    }
}
