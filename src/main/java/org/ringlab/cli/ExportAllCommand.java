package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ringlab.figures.BatchExport;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.RunData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab export-all}: every figure of the given runs, in every format asked, in one folder. */
@Command(name = "export-all", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write every figure of the runs at once: accuracy, loss and learning-rate curves (runs "
            + "overlaid, seeds grouped), and per ring run the ring view and soft-weight histogram of every layer "
            + "plus an animated GIF of each layer's ring over the run.")
final class ExportAllCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Run directories; repeat.")
    List<Path> runs;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Folder for the figures.")
    Path outDir;

    @Option(names = "--formats", split = ",", defaultValue = "svg,pdf,png", paramLabel = "FMT,...",
            description = "Any of svg, pdf, png (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--width-in", defaultValue = "3.5", paramLabel = "IN", description = "Width in inches (default ${DEFAULT-VALUE}).")
    double widthInches;

    @Option(names = "--dpi", defaultValue = "300", paramLabel = "N", description = "PNG resolution (default ${DEFAULT-VALUE}).")
    int dpi;

    @Option(names = "--gif", negatable = true, defaultValue = "true", description = "Animated ring GIFs (default: on).")
    boolean gif;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Set<FigureFormat> chosen = EnumSet.noneOf(FigureFormat.class);
        for (String f : formats) {
            chosen.add(FigureArguments.format("--formats", f));
        }
        FigureSize size = FigureArguments.size(widthInches, null, dpi);
        List<RunData> data = FigureArguments.runs(runs);
        List<Path> written;
        try {
            written = BatchExport.write(data, chosen, size, gif, outDir);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d files to %s%n", written.size(), outDir);
        return 0;
    }
}
