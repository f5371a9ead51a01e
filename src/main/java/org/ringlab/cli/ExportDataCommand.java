package org.ringlab.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.RunTable;
import org.ringlab.tables.Table;
import org.ringlab.tables.TableFormat;
import org.ringlab.tables.TidyExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ringlab export-data}: recorded runs as a tidy data file or a comparison table. */
@Command(name = "export-data", mixinStandardHelpOptions = true,
        description = "Export recorded runs: 'tidy' gives one row per run, epoch and metric with the whole "
            + "configuration (for pandas, R, spreadsheets); 'comparison' gives one row per configuration with "
            + "nominal and truthful bits and final/best accuracies, seeds of one configuration merged into "
            + "mean ± std.")
final class ExportDataCommand implements Callable<Integer> {
    @Mixin
    RunArguments runs;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "csv, json, markdown or latex.")
    String format;

    @Option(names = "--table", defaultValue = "tidy", paramLabel = "TABLE",
            description = "tidy or comparison (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--digits", paramLabel = "N",
            description = "Round every number to N significant digits and a mean ± std's spread to two (for a "
                + "paper's table). Default: 6, the digits metrics.csv stores.")
    Integer digits;

    @Mixin
    TableDestination destination;

    @Override
    public Integer call() throws IOException {
        TableFormat tableFormat = TableOutput.format(format);
        boolean comparison = switch (table) {
            case "tidy" -> false;
            case "comparison" -> true;
            default -> throw new UserError("--table '" + table + "': must be tidy or comparison");
        };
        RunTable recorded = RunArguments.table(runs.refs());
        Table result = comparison ? ComparisonTable.of(recorded) : TidyExport.of(recorded);
        destination.write(result, tableFormat, digits);
        return 0;
    }
}
