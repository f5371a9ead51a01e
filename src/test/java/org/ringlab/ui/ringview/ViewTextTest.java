package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewTextTest {

    @Test
    void aLargeViewsTextGrowsWithTheView() {
        assertEquals(20, ViewText.px(640, 800, 12), 1e-9);
        assertEquals(20, ViewText.px(640, 800, 16), 1e-9, "the window's font is only a floor");
    }

    @Test
    void theWindowsFontIsTheFloor() {
        assertEquals(12, ViewText.px(300, 300, 12), 1e-9);
        assertEquals(24, ViewText.px(600, 700, 24), 1e-9, "demo mode's 24 px");
        assertEquals(12, ViewText.px(300, 300, 0), 1e-9, "no font size: the default");
    }

    @Test
    void aShortViewCapsItsTextSoTheBarsKeepRoom() {
        assertEquals(20, ViewText.px(1000, 120, 24), 1e-9);
        assertEquals(9, ViewText.px(40, 40, 12), 1e-9, "never below 9 px");
    }
}
