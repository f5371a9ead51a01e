package org.ringlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreRecorder;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.ui.PastRuns;
import org.ringlab.ui.RingLabApp;
import org.ringlab.ui.ScriptedService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compare after a restart: a window opened on a workspace whose runs were recorded by an earlier
 * launch compares them all, although its service has run nothing yet; their folders hold no
 * metrics.csv (as {@code ringlab train --workspace} leaves them), the store has their epochs.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceCompareTest {
    @TempDir
    static Path workspace;

    private PastRuns pastRuns;

    @Start
    void start(Stage stage) throws Exception {
        RunConfig base = RunConfig.defaults().toBuilder().data("sample-data").epochs(2).build();
        try (RunStore store = RunStore.open(workspace)) {
            record(store, "reference", base, RunStatus.FINISHED);
            record(store, "faster", base.toBuilder().lr(0.01).build(), RunStatus.FINISHED);
            record(store, "one epoch", base.toBuilder().epochs(1).build(), RunStatus.STOPPED);
        }
        pastRuns = new PastRuns(RunStore.open(workspace));
        Scene scene = RingLabApp.createScene(new ScriptedService(), pastRuns, null);
        stage.setScene(scene);
        stage.show();
    }

    private static void record(RunStore store, String name, RunConfig config, RunStatus end) {
        long id = store.createRun(config, name, "cpu");
        try (StoreRecorder r = store.recorder(id)) {
            r.onStatus(RunStatus.RUNNING, "training");
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                r.onStep(new StepMetrics(epoch * 5, epoch, 5, 5, 1.0, 50, config.lr()));
                r.onEpoch(new EpochMetrics(epoch, epoch * 5, 1.0, 60, 90 + epoch, 80 + epoch, 85 + epoch, config.lr(),
                        100, 1, epoch));
            }
            r.onStatus(end, end.id());
        }
    }

    @AfterEach
    void close() {
        pastRuns.close();
    }

    @Test
    void pastRunsOfTheWorkspaceAreComparedWithTheirDifferencesAndFlags(FxRobot robot) throws Exception {
        ListView<?> runs = robot.lookup("#runsList").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runs.getItems().size() == 3);
        assertFalse(Files.exists(workspace.resolve("runs").resolve("1").resolve("metrics.csv")),
                "the store alone holds the epochs");
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#comparisonTable").tryQuery().isPresent()
                && robot.lookup("#comparisonTable").queryAs(TableView.class).getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        ComparisonPane pane = (ComparisonPane) robot.lookup("#comparisonTable").queryAs(TableView.class).getParent();
        var table = pane.shown();
        int run = table.columns().indexOf("run");
        assertEquals(List.of("reference", "faster", "one epoch"), table.rows().stream().map(r -> r.get(run)).toList());
        int model = table.columns().indexOf("model");
        assertEquals(List.of("lr", "epochs"), table.columns().subList(model + 1, model + 3),
                "the keys that differ, right after the model");
        int soft = table.columns().indexOf("final_soft");
        assertEquals(92.0, table.rows().get(0).get(soft));
        int flag = table.columns().indexOf(ComparisonRows.NOT_COMPARABLE);
        assertEquals(java.util.Arrays.asList(null, null, "epochs 1 ≠ 2"),
                table.rows().stream().map(r -> r.get(flag)).toList());
        String status = robot.lookup("#comparisonStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("3 run(s) in 3 row(s); 1 row(s) not comparable"), status);
    }
}
