package org.ringlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.tables.RunDirs;
import org.ringlab.tables.TableFormat;
import org.ringlab.train.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The comparison window headless: rows from run directories, header-click sorting, runs picked up as they end. */
@ExtendWith(ApplicationExtension.class)
class ComparisonPaneTest {
    @TempDir
    Path tmp;

    private final FakeService service = new FakeService();
    private ComparisonWindow window;

    @Start
    void start(Stage stage) {
        window = new ComparisonWindow(service, org.ringlab.ui.ServiceCalls.direct(), () -> null, (dir, size) -> null, run -> { });
        stage.setScene(new Scene(window.root(), 1800, 400));
        stage.show();
    }

    private TableView<List<Object>> view() {
        return window.pane().tableView();
    }

    /** The text a column's cells show, top to bottom. */
    private List<String> shown(String column) {
        int index = view().getColumns().stream().map(c -> c.getId()).toList().indexOf(column);
        return view().getItems().stream().map(row -> CellFormat.text(column, row.get(index))).toList();
    }

    private void await(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsOneRowPerRunWithFormattedFiguresAndSortsByHeaderClicks(FxRobot robot) throws Exception {
        Path fp = RunDirs.fp32(tmp, "fp");
        Path ring = RunDirs.ring(tmp, "ring", 1, 91.25);
        window.pane().load(List.of(fp, ring)).get(10, TimeUnit.SECONDS);
        await(() -> view().getItems().size() == 2);
        // a run is shown under its configured name ("tri8 seed 1"), else its directory's ("fp")
        assertEquals(List.of("fp", "tri8 seed 1"), shown("run"));
        assertEquals(List.of("fp32", "triangle-8 reference"), shown("method"));
        assertEquals(List.of("32.00", "3.00"), shown("nominal_bits"));
        assertEquals(List.of("", "4"), shown("levels"));
        assertEquals(List.of("1.0", "16.0"), shown("cr_weights"));
        assertEquals(List.of("0.96", "91.25"), shown("final_soft"));
        assertEquals(List.of("", "0.86"), shown("final_snapped"));

        robot.clickOn("#final_soft");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("fp", "tri8 seed 1"), shown("run"), "ascending soft accuracy: 0.96 then 91.25");
        robot.clickOn("#final_soft");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("tri8 seed 1", "fp"), shown("run"), "descending");
        assertTrue(window.pane().text(TableFormat.MARKDOWN).lines().toList().get(2).startsWith("| tri8 seed 1 |"),
                "copies keep the order shown");
        robot.clickOn("#copyLatexButton");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertTrue(copied[0].startsWith("\\begin{tabular}") && copied[0].indexOf("tri8 seed 1") < copied[0].indexOf("fp"),
                copied[0]);

        robot.clickOn("#final_snapped");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("tri8 seed 1", "fp"), shown("run"), "fp32 has no snapped accuracy: last ascending");
        robot.clickOn("#final_snapped");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("tri8 seed 1", "fp"), shown("run"), "and last descending");
    }

    @Test
    void mergesSeedsIntoMeanAndStd() throws Exception {
        window.pane().load(List.of(RunDirs.ring(tmp, "s1", 1, 91.0), RunDirs.ring(tmp, "s2", 2, 93.0)))
                .get(10, TimeUnit.SECONDS);
        await(() -> view().getItems().size() == 1);
        assertEquals(List.of("92.00 ± 1.41"), shown("final_soft"));
        assertEquals(List.of("2"), shown("n"));
    }

    @Test
    void runsOfTheServiceAppearOnceTheyHaveEnded(FxRobot robot) throws Exception {
        FakeService.Handle done = service.add(RunDirs.fp32(tmp, "done"), RunStatus.FINISHED);
        FakeService.Handle running = service.add(RunDirs.ring(tmp, "running", 1, 90), RunStatus.RUNNING);
        robot.interact(window::refreshIfChanged);
        await(() -> view().getItems().size() == 1);
        assertEquals(List.of("done"), shown("run"));
        running.set(RunStatus.DIVERGED);
        java.nio.file.Files.writeString(running.directory().resolve("run.json"), "{\"status\": \"diverged\"}");
        robot.interact(window::refreshIfChanged);
        await(() -> view().getItems().size() == 2);
        assertEquals(List.of("done", "tri8 seed 1"), shown("run"));
        assertEquals(List.of("", "diverged"), shown("note"));
        assertTrue(done.status().isTerminal());
    }

    @Test
    void anOpenedFolderKeepsAddingTheRunsWrittenIntoIt(FxRobot robot) throws Exception {
        Path sweep = java.nio.file.Files.createDirectories(tmp.resolve("sweep"));
        RunDirs.fp32(sweep, "a");
        robot.interact(() -> window.open(sweep));
        await(() -> view().getItems().size() == 1);
        RunDirs.ring(sweep, "b", 1, 90);
        robot.interact(window::refreshIfChanged);
        await(() -> view().getItems().size() == 2);
        assertEquals(List.of("a", "tri8 seed 1"), shown("run"));
    }

    @Test
    void removedRowsLeaveTheComparisonWithAllTheirSeedsUntilShowAll(FxRobot robot) throws Exception {
        Path sweep = java.nio.file.Files.createDirectories(tmp.resolve("sweep"));
        RunDirs.fp32(sweep, "a");
        RunDirs.ring(sweep, "b", 1, 90);
        RunDirs.ring(sweep, "c", 2, 92);
        robot.interact(() -> window.open(sweep));
        await(() -> view().getItems().size() == 2);
        assertTrue(robot.lookup("#removeRowsButton").queryButton().isDisabled(), "nothing selected yet");

        robot.interact(() -> view().getSelectionModel().select(1));
        assertEquals(List.of(sweep.resolve("b"), sweep.resolve("c")), window.pane().selectedDirectories(),
                "the merged row stands for both seeds");
        robot.clickOn("#removeRowsButton");
        await(() -> view().getItems().size() == 1);
        assertEquals(List.of("a"), shown("run"));
        RunDirs.ring(sweep, "d", 3, 94);
        robot.interact(window::refreshIfChanged);
        await(() -> view().getItems().size() == 2);
        assertEquals(List.of("1"), shown("n").subList(1, 2), "a new seed comes in alone; the removed ones stay out");

        robot.interact(() -> {
            view().getSelectionModel().select(0);
            view().requestFocus();
        });
        robot.type(javafx.scene.input.KeyCode.DELETE);
        await(() -> view().getItems().size() == 1);
        assertEquals(List.of("tri8 seed 3"), shown("run"), "the Delete key removes the selected fp32 row");
        robot.interact(() -> view().getSelectionModel().select(0));
        robot.clickOn("#removeRowsButton");
        await(() -> view().getItems().isEmpty());

        robot.clickOn("#showAllButton");
        await(() -> view().getItems().size() == 2);
        assertEquals(List.of("1", "3"), shown("n"), "fp32, and the ring's three seeds merged again");
    }

    @Test
    void anUnreadableRunIsSkippedAndCounted() throws Exception {
        Path broken = RunDirs.ring(tmp, "broken", 1, 90);
        java.nio.file.Files.delete(broken.resolve("run.json"));
        window.pane().load(List.of(RunDirs.fp32(tmp, "fp"), broken)).get(10, TimeUnit.SECONDS);
        await(() -> view().getItems().size() == 1);
        javafx.scene.control.Label status = (javafx.scene.control.Label) window.root().lookup("#comparisonStatus");
        assertTrue(status.getText().contains("skipped 1") && status.getText().contains("run.json"), status.getText());
    }
}
