package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.train.LatentHistogram;
import org.ringlab.train.LayerSnapshot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LatentHistogramViewRenderingTest {
    private static final int WIDTH = 400;
    private static final int HEIGHT = 200;
    private static final PlotArea AREA = PlotArea.fit(WIDTH, HEIGHT, ViewText.px(WIDTH, HEIGHT, ViewText.BASE_WINDOW_PX));

    private LatentHistogramView view;

    @Start
    void start(Stage stage) {
        view = new LatentHistogramView();
        stage.setScene(new Scene(view, WIDTH, HEIGHT));
        stage.show();
    }

    /** A TWN-like layer: every weight in the bin just right of 0, dead-zone lines at ±1 on [−3, 3]. */
    private static LayerSnapshot layer(String name, boolean inferred) {
        int[] bins = new int[60];
        bins[30] = 100;
        LatentHistogram h = new LatentHistogram("w/Δ", -3, 3, bins, List.of(new LatentHistogram.Line(-1, "−Δ"),
                new LatentHistogram.Line(1, "+Δ")), inferred, new long[] {10, 80, 10}, 0.05, 0.92,
                Map.of("W_p", 1.5));
        return new LayerSnapshot(name, 0, 0, 100, new int[0], new long[] {10, 80, 10}, 0.05, 0.92, Double.NaN, h);
    }

    @Test
    void barsAndThresholdLinesStandWhereTheLatentSays() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.show(layer("conv1", false))).get();
        Pixels pixels = Pixels.of(view);
        double y = AREA.bottom() - 0.3 * AREA.height();
        double bar = AREA.x(0.05, -3, 3);
        assertTrue(Pixels.close(Palette.PAPER.bars(), pixels.at(bar, y)), "no bar at x=" + bar);
        for (double at : new double[] {-1, 1}) {
            double x = Math.round(AREA.x(at, -3, 3)) + 0.5;
            assertTrue(Pixels.close(LatentHistogramView.LINE, pixels.at(x, y)), "no line at " + at);
        }
        double empty = AREA.x(-2, -3, 3);
        assertTrue(Pixels.close(Palette.PAPER.background(), pixels.at(empty, y)), "something drawn at −2");
    }

    @Test
    void anInferredMethodCarriesTheTagAndAPublishedOneDoesNot() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.show(layer("conv1", false))).get();
        assertEquals(0, tagPixels(Pixels.of(view)));
        WaitForAsyncUtils.asyncFx(() -> view.show(layer("conv1", true))).get();
        assertTrue(tagPixels(Pixels.of(view)) > 5, "INFERRED is written in the line colour at the top right");
    }

    @Test
    void allLayersSumTheirBins() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.showAll(List.of(layer("a", false), layer("b", false)))).get();
        assertEquals(200, java.util.Arrays.stream(view.getShown().bins()).sum());
        assertEquals(160, view.getShown().codeCounts()[1]);
    }

    /** Pixels in the line colour in the title row's right third (where the tag goes). */
    private static int tagPixels(Pixels pixels) {
        int count = 0;
        double font = ViewText.px(WIDTH, HEIGHT, ViewText.BASE_WINDOW_PX);
        for (double x = WIDTH * 2 / 3.0; x < AREA.right(); x++) {
            for (double y = 0.4 * font; y < 1.4 * font; y++) {
                if (Pixels.close(LatentHistogramView.LINE, pixels.at(x, y))) {
                    count++;
                }
            }
        }
        return count;
    }
}
