package org.ringlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.train.LatentHistogram;
import org.ringlab.train.LayerSnapshot;
import org.ringlab.train.PositionSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The method-scalars tab: each scalar a layer recorded, over the snapshots, one line per layer. */
@ExtendWith(ApplicationExtension.class)
class ScalarsChartTest {
    private ScalarsChart chart;

    @Start
    void start(Stage stage) {
        chart = new ScalarsChart();
        stage.setScene(new Scene(chart, 600, 400));
        stage.show();
    }

    private static LayerSnapshot layer(String name, Map<String, Double> scalars) {
        LatentHistogram h = new LatentHistogram("w/Δ", -2, 2, new int[8], List.of(), false, new long[3], 0, 1.5,
                scalars);
        return new LayerSnapshot(name, 0, 0, 100, new int[0], new long[0], 0, 1.5, 0, h);
    }

    private static List<PositionSnapshot> slqRun() {
        return List.of(
                new PositionSnapshot(0, 0, 0, List.of(layer("conv1", Map.of("frozen share", 0.5, "stage", 1.0)),
                        layer("fc1", Map.of("frozen share", 0.5, "stage", 1.0)))),
                new PositionSnapshot(100, 1, 1, List.of(layer("conv1", Map.of("frozen share", 0.75, "stage", 2.0)),
                        layer("fc1", Map.of("frozen share", 0.5, "stage", 1.0)))),
                // a snapshot where fc1 recorded no scalar (NaN): no point there, not a zero
                new PositionSnapshot(200, 2, 2, List.of(layer("conv1", Map.of("frozen share", 1.0, "stage", 3.0)),
                        layer("fc1", Map.of("frozen share", Double.NaN)))));
    }

    @Test
    void tracksHoldEachLayersValuesAtTheSnapshotsThatRecordedThem() {
        ScalarTracks tracks = ScalarTracks.of(slqRun());
        assertEquals(List.of("frozen share", "stage"), tracks.names());
        List<ScalarTracks.Track> frozen = tracks.tracks("frozen share");
        assertEquals("conv1", frozen.get(0).layer());
        assertArrayEquals(new double[] {0, 100, 200}, frozen.get(0).steps());
        assertArrayEquals(new double[] {0.5, 0.75, 1.0}, frozen.get(0).values());
        assertArrayEquals(new double[] {0, 100}, frozen.get(1).steps(), "fc1's NaN is left out");
        assertEquals(List.of(), tracks.tracks("σ"));
        assertEquals(List.of(), ScalarTracks.of(List.of()).names());
    }

    @Test
    void theChartDrawsOneLinePerLayerOfTheChosenScalar(FxRobot robot) {
        robot.interact(() -> chart.show(slqRun()));
        assertEquals("frozen share", chart.scalar(), "the first scalar by name");
        assertEquals(List.of("conv1", "fc1"), chart.layersDrawn());
        robot.interact(() -> robot.lookup("#scalarBox").<String>queryComboBox().setValue("stage"));
        assertEquals(List.of("conv1", "fc1"), chart.layersDrawn());
        robot.interact(() -> chart.show(List.of()));
        assertNull(chart.scalar(), "a run without scalars (FP32, the reference ring) shows none");
        assertEquals(List.of(), chart.layersDrawn());
    }

    @Test
    void aHiddenTabKeepsTheSnapshotsAndDrawsThemWhenShown(FxRobot robot) {
        robot.interact(() -> {
            chart.setShowing(false);
            chart.show(slqRun());
        });
        assertEquals(List.of(), chart.layersDrawn(), "nothing computed while hidden");
        robot.interact(() -> chart.setShowing(true));
        assertEquals(List.of("conv1", "fc1"), chart.layersDrawn());
    }
}
