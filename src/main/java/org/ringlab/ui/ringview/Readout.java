package org.ringlab.ui.ringview;

import java.util.List;
import java.util.Locale;
import org.ringlab.train.LayerSnapshot;

/**
 * The text shown above the ring for one snapshot: which layer and how many positions on the left,
 * the snapshot's figures on the right.
 */
public final class Readout {
    /** The most lines either side has: the view reserves their room before the first snapshot comes. */
    static final int ROWS = 3;

    private Readout() {
    }

    /** The layer's name and its number of positions. */
    public static List<String> identity(LayerSnapshot s) {
        return List.of(s.layer(), String.format(Locale.ROOT, "%,d positions", s.positions()));
    }

    public static List<String> figures(LayerSnapshot s) {
        return List.of(
                "slot changes " + percent(s.slotChangeRate()),
                String.format(Locale.ROOT, "code entropy %.2f bits", s.codeEntropyBits()),
                "within ε of a ring value " + percent(s.shareNearRingValue()));
    }

    /** A share as a percentage; "—" when undefined (the first snapshot has no previous slots). */
    static String percent(double share) {
        if (Double.isNaN(share)) {
            return "—";
        }
        if (share > 0 && share < 1e-4) {
            // late in training a handful of changes is news; "0.00 %" would hide it
            return "< 0.01 %";
        }
        return String.format(Locale.ROOT, "%.2f %%", 100 * share);
    }
}
