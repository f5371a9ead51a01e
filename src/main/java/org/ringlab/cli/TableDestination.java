package org.ringlab.cli;

import java.nio.file.Path;
import org.ringlab.tables.Table;
import org.ringlab.tables.TableFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --out FILE} of the table-writing commands and the writing itself (a picocli mixin). */
final class TableDestination {
    @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
    Path out;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** {@code table}, rounded to {@code digits} when given, to --out or to standard output. */
    void write(Table table, TableFormat format, Integer digits) {
        TableOutput.write(TableOutput.rounded(table, digits), format, out, command.commandLine().getOut());
    }
}
