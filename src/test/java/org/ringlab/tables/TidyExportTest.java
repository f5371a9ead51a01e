package org.ringlab.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfigJson;

class TidyExportTest {
    @TempDir
    Path tmp;

    private Table tidy;

    /** One FP32 run of 3 epochs and three seeds of 2 epochs: 9 epochs in all. */
    @BeforeEach
    void readRuns() throws IOException {
        tidy = TidyExport.of(RunTable.read(List.of(RunDirs.fp32(tmp, "fp32"), RunDirs.ring(tmp, "s1", 1, 0.91),
                RunDirs.ring(tmp, "s2", 2, 0.92), RunDirs.ring(tmp, "s3", 3, 0.96))));
    }

    @Test
    void oneRowPerRunEpochAndMetricEmptiesIncluded() {
        assertEquals((3 + 2 + 2 + 2) * RunDirs.METRICS, tidy.rows().size());
        // FP32: 3 epochs × 2 snapped metrics recorded as missing
        long missing = tidy.column(TidyExport.VALUE).stream().filter(Cells::isEmpty).count();
        assertEquals(6, missing);
    }

    @Test
    void columnsAreRunNameEveryConfigKeyThenTheMeasurement() {
        List<String> columns = tidy.columns();
        assertEquals(List.of("run", "name"), columns.subList(0, 2));
        assertEquals(List.of("status", "epoch", "step", "metric", "value"),
                columns.subList(columns.size() - 5, columns.size()));
        for (String key : RunConfigJson.keys()) {
            assertEquals(1, columns.stream().filter(key::equals).count(), key);
        }
        assertEquals(2 + RunConfigJson.keys().size() - 1 + 5, columns.size());
    }

    @Test
    void configValuesAreSpelledAsInConfigJson() {
        List<Object> rings = tidy.column("ring-type");
        assertEquals("triangle", rings.get(0));
        assertEquals("fp32", tidy.column("method").get(0));
        assertEquals("0.001", tidy.column("lr").get(0));
        assertNull(tidy.column("sigma").get(0), "an unset key is empty, not \"null\"");
        assertEquals("tri8 seed 2", tidy.column("name").get((3 + 2) * RunDirs.METRICS));
    }

    @Test
    void csvRoundTripsWithEmptyCellsAndNoNaN() throws IOException {
        StringWriter out = new StringWriter();
        TableFormat.CSV.write(tidy, out);
        assertFalse(out.toString().contains("NaN"));
        assertFalse(out.toString().contains("null"));
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(out.toString()))) {
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(tidy.rows().size(), rows.size());
            CSVRecord snapped = rows.stream().filter(r -> r.get("run").equals("fp32")
                    && r.get("metric").equals("test_acc_snapped")).findFirst().orElseThrow();
            assertEquals("", snapped.get("value"));
            CSVRecord soft = rows.stream().filter(r -> r.get("run").equals("s3") && r.get("epoch").equals("2")
                    && r.get("metric").equals("test_acc_soft")).findFirst().orElseThrow();
            assertEquals("0.96", soft.get("value"));
            assertEquals("3", soft.get("seed"));
        }
    }

    @Test
    void jsonIsAnArrayOfRowObjectsWithNullForMissing() throws IOException {
        StringWriter out = new StringWriter();
        TableFormat.JSON.write(tidy, out);
        assertFalse(out.toString().contains("NaN"));
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertEquals(tidy.rows().size(), rows.size());
        JsonNode first = rows.get(0);
        assertEquals("fp32", first.get("run").asText());
        assertEquals(1, first.get("epoch").asInt());
        assertEquals("train_loss", first.get("metric").asText());
        assertEquals(0.5, first.get("value").asDouble());
        assertTrue(first.get("sigma").isNull());
        JsonNode snapped = rows.get(3);
        assertEquals("test_acc_snapped", snapped.get("metric").asText());
        assertTrue(snapped.get("value").isNull());
    }
}
