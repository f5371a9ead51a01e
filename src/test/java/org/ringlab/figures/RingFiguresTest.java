package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RingFiguresTest {
    @TempDir
    Path tmp;

    @Test
    void selectsTheLastSnapshotOrAStepAndALayer() throws IOException {
        RunData run = RunData.read(TinyRuns.write(tmp.resolve("r"), 1, 90));
        assertEquals(100, LayerSelection.of(run, null, null).snapshot().step());
        LayerSelection first = LayerSelection.of(run, "fc1", 0);
        assertEquals("fc1", first.layer().layer());
        assertEquals(0, first.snapshot().step());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LayerSelection.of(run, "conv9", null));
        assertTrue(e.getMessage().contains("[conv1, fc1]"), e.getMessage());
    }

    @Test
    void softWeightCountsKeepEveryWeightInsideTheRingRange() throws IOException {
        LayerSelection s = LayerSelection.of(RunData.read(TinyRuns.write(tmp.resolve("r"), 1, 90)), "conv1", null);
        double[] counts = SoftWeightHistogram.counts(s, 40);
        assertEquals(Arrays.stream(s.layer().histogram()).sum(), Arrays.stream(counts).sum(), 1e-9);
        // the reference triangle-8 spans -1..0.714: weights piled at slot centres reach both end bins
        assertTrue(counts[0] > 0 && counts[39] > 0);
    }

    @Test
    void slotZerosBinsStraddleTheTop() throws IOException {
        LayerSelection s = LayerSelection.of(RunData.read(TinyRuns.write(tmp.resolve("r"), 1, 90)), null, null);
        // 8 slots × 4 sub-bins: bin 0 is centred at u = -0.375, i.e. just before p = 0
        assertEquals(1 - 0.375 / 8, s.binCentrePosition(0), 1e-12);
        assertEquals(0.125 / 8, s.binCentrePosition(2), 1e-12);
    }

    @Test
    void ringSvgIsVectorWithLevelLegend() throws IOException {
        LayerSelection s = LayerSelection.of(RunData.read(TinyRuns.write(tmp.resolve("r"), 1, 90)), null, null);
        Path file = tmp.resolve("ring.svg");
        FigureWriter.write(new RingFigure(s, "ring"), FigureFormat.SVG, FigureSize.of(3.5, null, 300), file);
        String svg = Files.readString(file);
        assertTrue(svg.contains("<path") && svg.contains("<text") && svg.contains("ring value"));
        assertTrue(svg.contains("\u22121.000") && svg.contains("+0.714"), "reference triangle-8 levels in the legend");
        assertFalse(svg.contains("<image"));
        Path png = tmp.resolve("ring.png");
        FigureWriter.write(new RingFigure(s, null), FigureFormat.PNG, FigureSize.of(3.5, null, 150), png);
        FigureWriterTest.assertNonTrivialPng(png);
    }
}
