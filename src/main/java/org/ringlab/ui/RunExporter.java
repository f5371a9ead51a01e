package org.ringlab.ui;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ringlab.figures.BatchExport;
import org.ringlab.figures.PaperStyle;
import org.ringlab.figures.RunData;
import org.ringlab.figures.StepCurve;
import org.ringlab.store.RecordedRuns;
import org.ringlab.store.RunRef;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RunTable;
import org.ringlab.tables.TableFormat;
import org.ringlab.tables.TidyExport;
import org.ringlab.ui.export.ExportChoices;

/**
 * What the window's "Export figures and data…" writes for the selected runs, in one folder: every
 * figure in the formats, size and resolution chosen in the export dialog (plus ring animations when
 * asked) and the data (tidy CSV and JSON, the comparison table as CSV, Markdown and LaTeX). A run of
 * the workspace is named by its name in the store, never by its id, and read from the store where
 * its folder lacks files. Plain file work: called off the JavaFX thread.
 */
public final class RunExporter {
    private RunExporter() {
    }

    /** Every format, one column wide, 300 dpi, with animations. Returns how many files were written. */
    public static int export(List<Path> runDirectories, Path folder) throws IOException {
        return export(runDirectories, ExportChoices.defaults(folder));
    }

    /** Returns how many files were written. */
    public static int export(List<Path> runDirectories, ExportChoices choices) throws IOException {
        Path folder = choices.folder();
        Files.createDirectories(folder);
        List<RunRef> refs = runDirectories.stream().map(RunRef::of).toList();
        List<RunData> runs = RecordedRuns.figureData(refs);
        RunTable table = RecordedRuns.table(refs);
        int files = BatchExport.write(runs, table, choices.formats(), choices.size(), choices.animations(), folder,
                PaperStyle.DEFAULT, StepCurve.SCREEN).size();
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
