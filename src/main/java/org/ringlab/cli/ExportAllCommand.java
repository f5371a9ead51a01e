package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ringlab.figures.AnimationFormat;
import org.ringlab.figures.BatchExport;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.PaperStyle;
import org.ringlab.figures.RunData;
import org.ringlab.figures.StepCurve;
import org.ringlab.store.RunRef;
import org.ringlab.tables.RunTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab export-all}: every figure of the given runs, in every format asked, in one folder. */
@Command(name = "export-all", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write every figure of the runs at once: accuracy, loss and learning-rate curves (runs "
            + "overlaid, seeds grouped), the comparison table, per ring run the ring view and soft-weight histogram "
            + "of every layer plus an animation of each layer's ring over the run (GIF, MP4 or both), and per run of any other "
            + "quantized method each layer's latent histogram.")
final class ExportAllCommand implements Callable<Integer> {
    @Mixin
    RunArguments runs;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Folder for the figures.")
    Path outDir;

    @Option(names = "--formats", split = ",", defaultValue = "svg,pdf,png", paramLabel = "FMT,...",
            description = "Any of svg, pdf, png (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--size", paramLabel = "PRESET", completionCandidates = FigureArguments.SizePresets.class,
            description = "A venue's width for the curves and rings: ${COMPLETION-CANDIDATES}. Instead of --width-in.")
    String sizePreset;

    @Option(names = "--width-in", paramLabel = "IN", description = "Width in inches (default 3.5).")
    Double widthInches;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "N", description = "PNG resolution (default ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--font", defaultValue = "serif", paramLabel = "FACE",
            description = "serif (Times metrics) or sans (default ${DEFAULT-VALUE}); embedded in PDFs.")
    String font;

    @Option(names = "--smoothing", defaultValue = "0.6", paramLabel = "W",
            description = "EMA weight of per-step curves, as on screen (default ${DEFAULT-VALUE}).")
    double smoothing;

    @Option(names = "--raw", description = "Per-step curves unsmoothed.")
    boolean raw;

    @Option(names = "--animations", split = ",", defaultValue = "gif", paramLabel = "FMT,...",
            description = "Each ring layer's animation over the run: gif, mp4 (1920×1080 H.264), both (gif,mp4) or "
                + "none (default: ${DEFAULT-VALUE}).")
    List<String> animations;

    // kept from before --animations: scripts that turned the GIFs off keep working
    @Option(names = "--no-gif", hidden = true, description = "The same as --animations none.")
    boolean noGif;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Set<FigureFormat> chosen = EnumSet.noneOf(FigureFormat.class);
        for (String f : formats) {
            chosen.add(FigureArguments.format("--formats", f));
        }
        Set<AnimationFormat> moving = EnumSet.noneOf(AnimationFormat.class);
        for (String a : noGif ? List.of("none") : animations) {
            if (!a.strip().equalsIgnoreCase("none")) {
                try {
                    moving.add(AnimationFormat.parse(a));
                } catch (IllegalArgumentException e) {
                    throw new UserError("--animations " + e.getMessage() + " or none", e);
                }
            }
        }
        FigureSize size = FigureArguments.size(sizePreset, widthInches, null, dpi, FigureSize.SINGLE_COLUMN);
        PaperStyle style = FigureArguments.style(font);
        StepCurve curve = FigureArguments.curve(raw, smoothing);
        List<RunRef> refs = runs.refs();
        List<RunData> data = RunArguments.figureData(refs);
        RunTable table = RunArguments.table(refs);
        List<Path> written;
        try {
            written = BatchExport.write(data, table, chosen, size, moving, outDir, style, curve);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d files to %s%n", written.size(), outDir);
        return 0;
    }
}
