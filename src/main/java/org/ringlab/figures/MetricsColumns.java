package org.ringlab.figures;

import static org.ringlab.figures.CsvCells.integer;
import static org.ringlab.figures.CsvCells.malformed;
import static org.ringlab.figures.CsvCells.number;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.ringlab.train.EpochMetrics;

/** The columns of metrics.csv as RunRecorder writes them, parsed back into {@link EpochMetrics}. */
final class MetricsColumns {
    static final List<String> ALL = List.of("epoch", "step", "train_loss", "train_acc", "test_acc_soft",
            "test_acc_snapped", "test_acc_snapped_bn", "lr", "images_per_s", "seconds", "elapsed_s");

    private MetricsColumns() {
    }

    static EpochMetrics parse(CSVRecord row, Path file) throws IOException {
        if (!row.isConsistent()) {
            throw malformed(row, file, "has " + row.size() + " cells, the header " + ALL.size());
        }
        return new EpochMetrics(integer(row, "epoch", file), integer(row, "step", file), number(row, "train_loss", file),
                number(row, "train_acc", file), number(row, "test_acc_soft", file),
                number(row, "test_acc_snapped", file), number(row, "test_acc_snapped_bn", file),
                number(row, "lr", file), number(row, "images_per_s", file), number(row, "seconds", file),
                number(row, "elapsed_s", file));
    }
}
