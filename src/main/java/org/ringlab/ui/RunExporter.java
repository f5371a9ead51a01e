package org.ringlab.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.ringlab.figures.BatchExport;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.RunData;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RunTable;
import org.ringlab.tables.TableFormat;
import org.ringlab.tables.TidyExport;

/**
 * What the window's "Export…" writes for the selected runs, in one folder: every figure (SVG, PDF and
 * 300-dpi PNG, one column wide, plus ring animations) and the data (tidy CSV and JSON, the
 * comparison table as CSV, Markdown and LaTeX). Plain file work: called off the JavaFX thread.
 */
public final class RunExporter {
    private RunExporter() {
    }

    /** Returns how many files were written. */
    public static int export(List<Path> runDirectories, Path folder) throws IOException {
        List<RunData> runs = new ArrayList<>();
        for (Path dir : runDirectories) {
            runs.add(RunData.read(dir));
        }
        int files = BatchExport.write(runs, EnumSet.allOf(FigureFormat.class),
                FigureSize.of(FigureSize.SINGLE_COLUMN, null, 300), true, folder).size();
        RunTable table = RunTable.read(runDirectories);
        files += write(TableFormat.CSV, TidyExport.of(table), folder.resolve("metrics-tidy.csv"));
        files += write(TableFormat.JSON, TidyExport.of(table), folder.resolve("metrics-tidy.json"));
        files += write(TableFormat.CSV, ComparisonTable.of(table), folder.resolve("comparison.csv"));
        files += write(TableFormat.MARKDOWN, ComparisonTable.of(table), folder.resolve("comparison.md"));
        files += write(TableFormat.LATEX, ComparisonTable.of(table), folder.resolve("comparison.tex"));
        return files;
    }

    private static int write(TableFormat format, org.ringlab.tables.Table table, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            format.write(table, out);
        }
        return 1;
    }
}
