package org.ringlab.ui.talk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FontSizesTest {

    @Test
    void outsideDemoModeTheUsersSizeHoldsAtAnyHeight() {
        assertEquals(12, FontSizes.effective(12, false, 1080));
        assertEquals(16, FontSizes.effective(16, false, 2160));
    }

    @Test
    void demoModeIs24PxAt1080LinesAndScalesWithTheWindowsHeight() {
        assertEquals(24, FontSizes.effective(12, true, 1080));
        assertEquals(17, FontSizes.effective(12, true, 768));
        assertEquals(48, FontSizes.effective(12, true, 2160));
    }

    @Test
    void demoModeNeverShrinksALargerChoice() {
        assertEquals(28, FontSizes.effective(28, true, 1080));
        assertEquals(14, FontSizes.effective(14, true, 400));
    }

    @Test
    void largerAndSmallerStepThroughTheChoicesAndStopAtTheEnds() {
        assertEquals(13, FontSizes.larger(12));
        assertEquals(11, FontSizes.smaller(12));
        assertEquals(28, FontSizes.larger(28));
        assertEquals(10, FontSizes.smaller(10));
        assertEquals(14, FontSizes.larger(13.5));
    }
}
