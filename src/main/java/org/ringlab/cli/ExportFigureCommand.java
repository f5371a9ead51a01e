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
import org.ringlab.figures.LatentHistogramFigure;
import org.ringlab.figures.LayerSelection;
import org.ringlab.figures.Metric;
import org.ringlab.figures.MetricChart;
import org.ringlab.figures.PaperStyle;
import org.ringlab.figures.RingFigure;
import org.ringlab.figures.RunData;
import org.ringlab.figures.SeedGroup;
import org.ringlab.figures.SoftWeightHistogram;
import org.ringlab.figures.StepCurve;
import org.ringlab.figures.TableColumn;
import org.ringlab.figures.TableFigure;
import org.ringlab.store.RunRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab export}: a publication figure of one or more runs as SVG, PDF or PNG. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Draw a figure of recorded runs for a paper: accuracy, loss or lr curves (per step where the "
            + "run recorded steps.csv, smoothed as on screen; test accuracies as marked epoch points; runs that "
            + "differ only in the seed become a mean line with a band), the ring with a layer's positions, a "
            + "layer's histogram (soft weights of a ring, the latent coordinate of any other method), or the "
            + "comparison table. SVG and PDF keep lines and text as vectors; the PDF embeds its fonts.")
final class ExportFigureCommand implements Callable<Integer> {
    enum FigureKind { accuracy, loss, lr, ring, histogram, comparison }

    enum BandKind { std, minmax }

    @Mixin
    RunArguments runs;

    @Option(names = "--figure", required = true, paramLabel = "KIND",
            description = "accuracy, loss, lr, ring, histogram or comparison (the comparison table).")
    FigureKind figure;

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "svg, pdf or png.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--size", paramLabel = "PRESET", completionCandidates = FigureArguments.SizePresets.class,
            description = "A venue's width: ${COMPLETION-CANDIDATES}. Instead of --width-in.")
    String sizePreset;

    @Option(names = "--width-in", paramLabel = "IN",
            description = "Width in inches (default: 3.5, one column; 7 for the comparison table).")
    Double widthInches;

    @Option(names = "--height-in", paramLabel = "IN",
            description = "Height in inches (default: width × 0.75; the comparison table: its rows).")
    Double heightInches;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "N",
            description = "PNG resolution, 150..600 (default ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--font", defaultValue = "serif", paramLabel = "FACE",
            description = "serif (Times metrics, as IEEE/ACM/NeurIPS/ICML papers) or sans (default ${DEFAULT-VALUE}); "
                + "bundled, embedded in PDFs.")
    String font;

    @Option(names = "--smoothing", defaultValue = "0.6", paramLabel = "W",
            description = "EMA weight of per-step curves, as the window's slider, 0..0.99 (default ${DEFAULT-VALUE}).")
    double smoothing;

    @Option(names = "--raw", description = "Per-step curves unsmoothed (same as --smoothing 0).")
    boolean raw;

    @Option(names = "--columns", paramLabel = "COL,...",
            description = "Columns of the comparison figure, in order (default: run,bits,levels,compression,soft,"
                + "snapped,snapped-bn). Any of: run, method, model, bits, nominal-bits, levels, entropy, side-bits, "
                + "compression, model-compression, seeds, soft, snapped, snapped-bn, best-soft, best-epoch, "
                + "best-snapped, time, note.")
    String columns;

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
        PaperStyle style = FigureArguments.style(font);
        StepCurve curve = FigureArguments.curve(raw, smoothing);
        List<TableColumn> chosen = tableColumns();
        boolean table = figure == FigureKind.comparison;
        FigureSize size = FigureArguments.size(sizePreset, widthInches, heightInches, dpi,
                table ? FigureSize.DOUBLE_COLUMN : FigureSize.SINGLE_COLUMN);
        List<RunRef> refs = runs.refs();
        List<RunData> data = RunArguments.figureData(refs);
        Figure drawn;
        try {
            drawn = build(refs, data, style, curve, chosen);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (drawn instanceof TableFigure t && heightInches == null) {
            size = FigureArguments.size(size.widthInches(), t.heightInches(), dpi);
        }
        FigureWriter.write(drawn, fileFormat, size, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, %.2f × %.2f in%s)%n", out, fileFormat.id(),
                size.widthInches(), size.heightInches(),
                fileFormat == FigureFormat.PNG ? ", " + size.widthPixels() + "×" + size.heightPixels() + " px" : "");
        return 0;
    }

    private List<TableColumn> tableColumns() {
        if (columns == null) {
            return TableColumn.DEFAULT;
        }
        try {
            return TableColumn.parse(columns);
        } catch (IllegalArgumentException e) {
            throw new UserError("--columns: " + e.getMessage(), e);
        }
    }

    private Figure build(List<RunRef> refs, List<RunData> data, PaperStyle style, StepCurve curve,
            List<TableColumn> chosen) {
        Band shaded = band == BandKind.minmax ? Band.MINMAX : Band.STD;
        return switch (figure) {
            case accuracy -> MetricChart.of(SeedGroup.of(data), Metric.accuracies(), "accuracy (%)", shaded, title,
                    style, curve);
            case loss -> MetricChart.of(SeedGroup.of(data), List.of(Metric.TRAIN_LOSS), "train loss (cross-entropy)",
                    shaded, title, style, curve);
            case lr -> MetricChart.of(SeedGroup.of(data), List.of(Metric.LR), "learning rate", shaded, title, style,
                    curve);
            case ring -> new RingFigure(LayerSelection.of(single(data), layer, step), title, style);
            case histogram -> histogram(single(data), style);
            case comparison -> TableFigure.of(RunArguments.table(refs), data, chosen, title, style);
        };
    }

    /** The soft weights of a ring run; the latent coordinate of any other quantized method. */
    private Figure histogram(RunData run, PaperStyle style) {
        if (run.hasRing()) {
            return SoftWeightHistogram.of(LayerSelection.of(run, layer, step), title, style);
        }
        if (!run.config().quantized()) {
            throw new UserError("--figure histogram: run " + run.label() + " is FP32; it has no quantized layer");
        }
        return LatentHistogramFigure.of(run, layer, step, title, style);
    }

    private RunData single(List<RunData> data) {
        if (data.size() != 1) {
            throw new UserError("--figure " + figure + " draws one run; got " + data.size() + " --run");
        }
        return data.get(0);
    }
}
