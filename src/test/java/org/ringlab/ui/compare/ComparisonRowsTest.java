package org.ringlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.tables.ComparisonTable;
import org.ringlab.tables.EpochRecord;
import org.ringlab.tables.RecordedBits;
import org.ringlab.tables.RecordedRun;
import org.ringlab.tables.Table;

/** The Compare window's columns: the config keys that differ, and the rows that are not comparable. */
class ComparisonRowsTest {
    private static final RunConfig BASE = RunConfig.defaults().toBuilder().data("sample-data").epochs(3).build();

    private static RecordedRun run(String name, RunConfig config) {
        List<EpochRecord> epochs = new ArrayList<>();
        for (int e = 1; e <= config.epochs(); e++) {
            epochs.add(new EpochRecord(e, e * 10L, Map.of("test_acc_soft", 90.0 + e, "test_acc_snapped", 80.0 + e)));
        }
        return new RecordedRun(name, Path.of("runs", name), config, "finished", List.of("test_acc_soft",
                "test_acc_snapped"), epochs, RecordedBits.fromConfig(config, null));
    }

    private static Table table(RecordedRun... runs) {
        return ComparisonRows.of(ComparisonTable.groups(List.of(runs)));
    }

    private static Object cell(Table t, int row, String column) {
        return t.rows().get(row).get(t.columns().indexOf(column));
    }

    @Test
    void theKeysThatDifferGetColumnsAfterTheModelSeedsDoNot() {
        Table t = table(run("a", BASE), run("b", BASE.toBuilder().seed(7).build()),
                run("c", BASE.toBuilder().lr(0.01).ringSize(4).build()));
        assertEquals(2, t.rows().size(), "a and b differ only by seed: one row");
        int model = t.columns().indexOf("model");
        assertEquals(List.of("ring-size", "lr"), t.columns().subList(model + 1, model + 3));
        assertFalse(t.columns().contains("seed"));
        assertEquals("8", cell(t, 0, "ring-size"));
        assertEquals("4", cell(t, 1, "ring-size"));
        assertEquals("0.01", cell(t, 1, "lr"));
        assertEquals(t.columns().size(), t.rows().get(0).size());
        assertEquals(ComparisonRows.NOT_COMPARABLE, t.columns().get(model + 3), "right after the differences");
        assertNull(cell(t, 0, ComparisonRows.NOT_COMPARABLE));
        assertNull(cell(t, 1, ComparisonRows.NOT_COMPARABLE), "another lr is what a comparison is for");
    }

    @Test
    void rowsOnOtherDataEpochsOrModelAreFlaggedWithTheReason() {
        Table t = table(run("a", BASE), run("b", BASE.toBuilder().lr(0.01).build()),
                run("short", BASE.toBuilder().epochs(1).build()),
                run("mlp", BASE.toBuilder().model(ModelKind.MLP).build()),
                run("elsewhere", BASE.toBuilder().data("other-data").limitTrain(640).build()));
        assertNull(cell(t, 0, ComparisonRows.NOT_COMPARABLE));
        assertNull(cell(t, 1, ComparisonRows.NOT_COMPARABLE));
        assertEquals("epochs 1 ≠ 3", cell(t, 2, ComparisonRows.NOT_COMPARABLE));
        assertEquals("model mlp ≠ lenet", cell(t, 3, ComparisonRows.NOT_COMPARABLE));
        String data = (String) cell(t, 4, ComparisonRows.NOT_COMPARABLE);
        assertTrue(data.startsWith("data " + Path.of("other-data").toAbsolutePath()), data);
        assertTrue(data.endsWith("; limit-train 640 ≠ 0"), data);
        assertTrue(t.columns().containsAll(List.of("data", "limit-train", "epochs", "lr")), t.columns().toString());
        assertEquals("1", cell(t, 2, "epochs"));
    }

    @Test
    void oneConfigurationHasNoExtraColumnsAndNothingFlagged() {
        Table t = table(run("a", BASE), run("b", BASE.toBuilder().seed(3).build()));
        List<String> expected = new ArrayList<>(ComparisonTable.COLUMNS);
        expected.add(expected.indexOf("model") + 1, ComparisonRows.NOT_COMPARABLE);
        assertEquals(expected, t.columns());
        assertNull(cell(t, 0, ComparisonRows.NOT_COMPARABLE));
    }
}
