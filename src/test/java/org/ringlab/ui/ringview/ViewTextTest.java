package org.ringlab.ui.ringview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewTextTest {

    @Test
    void atTheDefaultWindowFontTheTextFollowsTheViewSizeAlone() {
        assertEquals(20, ViewText.px(640, 800, 12), 1e-9);
        assertEquals(9, ViewText.px(100, 100, 12), 1e-9, "never smaller than 9 px");
    }

    @Test
    void aLargerWindowFontEnlargesTheTextInProportion() {
        assertEquals(40, ViewText.px(640, 800, 24), 1e-9);
        assertEquals(18, ViewText.px(100, 100, 24), 1e-9, "the floor grows too");
        assertEquals(ViewText.px(640, 800, 12), ViewText.px(640, 800, 0), 1e-9, "no font size: the default");
    }
}
