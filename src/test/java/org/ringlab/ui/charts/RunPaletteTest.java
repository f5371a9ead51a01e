package org.ringlab.ui.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class RunPaletteTest {

    @Test
    void theFirstEightRunsGetDistinctColours() {
        RunPalette palette = new RunPalette();
        Set<Color> colours = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            colours.add(palette.assign("run-" + i));
        }
        assertEquals(8, colours.size());
    }

    @Test
    void aRunKeepsItsColourWhateverIsAssignedAfterIt() {
        RunPalette palette = new RunPalette();
        Color first = palette.assign("a");
        Color second = palette.assign("b");
        for (int i = 0; i < 20; i++) {
            palette.assign("other-" + i);
        }
        assertEquals(first, palette.assign("a"));
        assertEquals(first, palette.colorOf("a"));
        assertEquals(second, palette.colorOf("b"));
    }

    @Test
    void coloursFollowTheOrderRunsArrive() {
        RunPalette palette = new RunPalette();
        assertEquals(RunPalette.OKABE_ITO.get(0), palette.assign("z"));
        assertEquals(RunPalette.OKABE_ITO.get(1), palette.assign("a"));
    }

    @Test
    void resetStartsOverAndForgetsRuns() {
        RunPalette palette = new RunPalette();
        palette.assign("a");
        palette.assign("b");
        palette.reset();
        assertThrows(IllegalArgumentException.class, () -> palette.colorOf("a"));
        assertEquals(RunPalette.OKABE_ITO.get(0), palette.assign("b"));
    }
}
