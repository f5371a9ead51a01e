package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingInterpolation;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WeightHistogramRenderingTest {
    private static final int WIDTH = 400;
    private static final int HEIGHT = 200;
    private static final Ring TRIANGLE_8 = Ring.of(RingType.TRIANGLE, 8, RingMode.REFERENCE);
    private static final WeightBins BINS = WeightBins.forRing(TRIANGLE_8, WeightHistogram.BIN_COUNT);
    private static final PlotArea AREA = PlotArea.fit(WIDTH, HEIGHT, ViewText.px(WIDTH, HEIGHT, ViewText.BASE_WINDOW_PX));

    private WeightHistogram histogram;

    @Start
    void start(Stage stage) {
        histogram = new WeightHistogram(TRIANGLE_8);
        stage.setScene(new Scene(histogram, WIDTH, HEIGHT));
        stage.show();
    }

    @Test
    void aLineInItsColourStandsAtEachDistinctLevelAndNothingBetween() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> histogram.show(Snapshots.empty("fc1", 8, 4), false)).get();
        Pixels pixels = Pixels.of(histogram);
        ValueColors colors = ValueColors.of(TRIANGLE_8.values(), Palette.PAPER.neutral());
        float[] levels = colors.levels();
        double y = (AREA.top() + AREA.bottom()) / 2;
        for (int i = 0; i < levels.length; i++) {
            // the even-width line is centred on a whole pixel: the column left of it is fully covered
            double x = Math.round(AREA.x(levels[i], BINS.min(), BINS.max())) - 1;
            Color expected = colors.colorOf(levels[i]);
            assertTrue(Pixels.close(expected, pixels.at(x, y)), "level " + levels[i] + ": " + pixels.at(x, y));
            if (i + 1 < levels.length) {
                double between = (AREA.x(levels[i], BINS.min(), BINS.max())
                        + AREA.x(levels[i + 1], BINS.min(), BINS.max())) / 2;
                assertTrue(Pixels.close(Palette.PAPER.background(), pixels.at(between, y)),
                        "something drawn between levels at x=" + between);
            }
        }
    }

    /** All positions on slot 3's centre (odd sub-bins put a bin there): one bar, at w(3/8). */
    @Test
    void positionsBecomeABarAtTheirSoftWeight() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> histogram.show(Snapshots.allInBin("fc1", 8, 3, 10, 50), false)).get();
        Pixels pixels = Pixels.of(histogram);
        int bin = BINS.binOf(new RingInterpolation(TRIANGLE_8).softExact(3.0 / 8));
        double binWidth = (BINS.max() - BINS.min()) / BINS.count();
        double centre = AREA.x(BINS.min() + (bin + 0.5) * binWidth, BINS.min(), BINS.max());
        double y = AREA.bottom() - 0.1 * AREA.height();
        assertTrue(Pixels.close(Palette.PAPER.bars(), pixels.at(centre, y)), "no bar at x=" + centre);
        double mirrored = AREA.left() + AREA.right() - centre;
        assertTrue(Pixels.close(Palette.PAPER.background(), pixels.at(mirrored, y)), "a bar at x=" + mirrored);
    }
}
