package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.ringlab.train.LayerSnapshot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RingViewRenderingTest {
    private static final int SIZE = 400;
    private static final Ring TRIANGLE_8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);
    private static final int SUB_BINS = 4;
    private static final RingGeometry GEOMETRY = new RingGeometry(8, SUB_BINS);

    private RingView view;

    @Start
    void start(Stage stage) {
        view = new RingView(TRIANGLE_8);
        stage.setScene(new Scene(view, SIZE, SIZE));
        stage.show();
    }

    private RingLayout layout() throws Exception {
        return WaitForAsyncUtils.asyncFx(view::ringLayout).get();
    }

    /** Bin 13 is the second of slot 3's four bins (value +0.714, clearly red), lower right. */
    @Test
    void aSingleFullBinIsDrawnAtItsAngleAndNowhereElse() throws Exception {
        int bin = 13;
        WaitForAsyncUtils.asyncFx(() -> view.show(Snapshots.allInBin("fc1", 8, SUB_BINS, bin, 500), false)).get();
        Pixels pixels = Pixels.of(view);
        RingLayout layout = layout();
        Color background = Palette.PAPER.background();
        Color barColor = ValueColors.of(TRIANGLE_8.values(), Palette.PAPER.neutral()).colorOf(TRIANGLE_8.value(3));

        double angle = GEOMETRY.binCentreAngle(bin);
        for (double r = layout.barBase() + 2; r < layout.barOuterRadius() - 2; r += 2) {
            Color inBar = pixels.at(layout.point(r, angle));
            assertTrue(Pixels.close(barColor, inBar), "no bar at radius " + r + ": " + inBar);
            Color opposite = pixels.at(layout.point(r, angle + Math.PI));
            assertTrue(Pixels.close(background, opposite), "bar pixels opposite, radius " + r + ": " + opposite);
        }
        // two bins to either side, inside and outside slot 3: the bar is one bin wide
        double middle = layout.barBase() + layout.barMaxLength() / 2;
        Point2D twoBefore = layout.point(middle, GEOMETRY.binCentreAngle(bin - 2));
        Point2D twoAfter = layout.point(middle, GEOMETRY.binCentreAngle(bin + 2));
        assertTrue(Pixels.close(background, pixels.at(twoBefore)), "bar spills into bin " + (bin - 2));
        assertTrue(Pixels.close(background, pixels.at(twoAfter)), "bar spills into bin " + (bin + 2));
        // and it ends where its height says
        Point2D beyond = layout.point(layout.barOuterRadius() + 3, angle);
        assertTrue(Pixels.close(background, pixels.at(beyond)), "bar longer than the maximum");
        // 129° clockwise from the top is lower right on screen, whatever the layout's own mapping says;
        // slots 3 and 4 and a legend swatch share the bar's colour, hence only the bars' annulus counts
        int barPixels = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double r = Math.hypot(x + 0.5 - layout.centreX(), y + 0.5 - layout.centreY());
                boolean inBarAnnulus = r > layout.barBase() && r < layout.barOuterRadius() + 2;
                if (inBarAnnulus && Pixels.close(barColor, pixels.at(x, y))) {
                    barPixels++;
                    assertTrue(x > layout.centreX() && y > layout.centreY(), "bar pixel at " + x + "," + y);
                }
            }
        }
        assertTrue(barPixels > 100, "only " + barPixels + " bar pixels");
    }

    @Test
    void slotDotsCarryTheirValueColours() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.show(Snapshots.empty("fc1", 8, SUB_BINS), false)).get();
        Pixels pixels = Pixels.of(view);
        RingLayout layout = layout();
        ValueColors colors = ValueColors.of(TRIANGLE_8.values(), Palette.PAPER.neutral());
        for (int k = 0; k < 8; k++) {
            Point2D dot = layout.point(layout.ringRadius(), GEOMETRY.slotAngle(k));
            Color expected = colors.colorOf(TRIANGLE_8.value(k));
            Color drawn = pixels.at(dot);
            assertTrue(Pixels.close(expected, drawn), "slot " + k + ": " + drawn + ", not " + expected);
        }
    }

    @Test
    void aHiddenViewNeitherAnimatesNorPaintsUntilItShows() throws Exception {
        int bin = 13;
        LayerSnapshot snapshot = Snapshots.allInBin("fc1", 8, SUB_BINS, bin, 500);
        boolean[] hidden = WaitForAsyncUtils.asyncFx(() -> {
            view.setVisible(false);
            view.show(snapshot, true);
            return new boolean[] {view.animating(), view.isStale()};
        }).get();
        assertFalse(hidden[0], "an animation nobody sees");
        assertTrue(hidden[1], "the snapshot waits to be painted");

        WaitForAsyncUtils.asyncFx(() -> view.setVisible(true)).get();
        assertFalse(WaitForAsyncUtils.asyncFx(view::isStale).get(), "painted once visible");
        RingLayout layout = layout();
        Color barColor = ValueColors.of(TRIANGLE_8.values(), Palette.PAPER.neutral()).colorOf(TRIANGLE_8.value(3));
        Point2D inBar = layout.point(layout.barBase() + layout.barMaxLength() / 2, GEOMETRY.binCentreAngle(bin));
        Color drawn = Pixels.of(view).at(inBar);
        assertTrue(Pixels.close(barColor, drawn), "the bar at full height at once: " + drawn);
    }

    @Test
    void animationEndsOnTheTargetHeights() throws Exception {
        LayerSnapshot before = Snapshots.allInBin("fc1", 8, SUB_BINS, 5, 100);
        int[] histogram = new int[8 * SUB_BINS];
        histogram[5] = 25;
        histogram[22] = 100;
        LayerSnapshot after = new LayerSnapshot("fc1", 8, SUB_BINS, 125, histogram, new long[8], 0.1, 1.0, 0.5);
        double[] startHeights = WaitForAsyncUtils.asyncFx(() -> {
            view.show(before, false);
            view.show(after, true);
            return view.displayedHeights();
        }).get();
        assertEquals(1.0, startHeights[5], "bars jumped instead of moving");
        assertEquals(0.0, startHeights[22], "bars jumped instead of moving");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !view.animating()).get());
        double[] expected = new double[8 * SUB_BINS];
        expected[5] = 0.25;
        expected[22] = 1.0;
        assertArrayEquals(expected, WaitForAsyncUtils.asyncFx(view::displayedHeights).get(), 1e-12);

        Pixels pixels = Pixels.of(view);
        RingLayout layout = layout();
        double quarter = layout.barBase() + 0.25 * layout.barMaxLength();
        Color background = Palette.PAPER.background();
        assertTrue(!Pixels.close(background, pixels.at(layout.point(quarter - 3, GEOMETRY.binCentreAngle(5)))),
                "bin 5 lost its quarter-height bar");
        assertTrue(Pixels.close(background, pixels.at(layout.point(quarter + 3, GEOMETRY.binCentreAngle(5)))),
                "bin 5 still drawn at full height");
        assertTrue(!Pixels.close(background,
                pixels.at(layout.point(layout.barOuterRadius() - 3, GEOMETRY.binCentreAngle(22)))),
                "bin 22 did not grow to full height");
    }

    @Test
    void allLayersModeDrawsTheSummedHistogram() throws Exception {
        List<LayerSnapshot> layers = List.of(Snapshots.allInBin("conv1", 8, SUB_BINS, 2, 30),
                Snapshots.allInBin("conv2", 8, SUB_BINS, 2, 30), Snapshots.allInBin("fc", 8, SUB_BINS, 18, 40));
        WaitForAsyncUtils.asyncFx(() -> view.showAll(layers, false)).get();
        double[] heights = WaitForAsyncUtils.asyncFx(view::displayedHeights).get();
        assertEquals(1.0, heights[2], "60 summed positions are the tallest bar");
        assertEquals(40.0 / 60, heights[18], 1e-12);
    }

    @Test
    void darkModeClearsToTheDarkBackground() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setDark(true)).get();
        Pixels pixels = Pixels.of(view);
        assertTrue(Pixels.close(Palette.DARK.background(), pixels.at(SIZE / 2.0, SIZE - 2)),
                "not dark: " + pixels.at(SIZE / 2.0, SIZE - 2));
    }
}
