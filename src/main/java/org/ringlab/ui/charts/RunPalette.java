package org.ringlab.ui.charts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * One colour per run, fixed when the run is first seen: the Okabe–Ito colour-blind-safe palette,
 * handed out in order.
 *
 * <p>Okabe–Ito's black is replaced by grey so every colour reads on a light and on a dark
 * background, and yellow comes late because it is the faintest on white. Assignments outlive a
 * run's removal from the charts, so removing and re-adding a run never repaints it. From the ninth
 * run on the colours repeat.
 */
final class RunPalette {

    static final List<Color> OKABE_ITO = List.of(
            Color.web("#0072B2"), // blue
            Color.web("#E69F00"), // orange
            Color.web("#009E73"), // bluish green
            Color.web("#D55E00"), // vermillion
            Color.web("#56B4E9"), // sky blue
            Color.web("#CC79A7"), // reddish purple
            Color.web("#F0E442"), // yellow
            Color.web("#999999")); // grey in place of black

    private final Map<String, Integer> assigned = new HashMap<>();

    /** The run's colour, assigning the next free one if the run is new. */
    Color assign(String runId) {
        return OKABE_ITO.get(indexOf(runId) % OKABE_ITO.size());
    }

    /** The run's place in the order runs were first seen (assigning the next if new): its shade on the accuracy chart. */
    int indexOf(String runId) {
        return assigned.computeIfAbsent(runId, id -> assigned.size());
    }

    /** The colour assigned to the run; the run must have been assigned one. */
    Color colorOf(String runId) {
        Integer index = assigned.get(runId);
        if (index == null) {
            throw new IllegalArgumentException("no colour assigned to run " + runId);
        }
        return OKABE_ITO.get(index % OKABE_ITO.size());
    }

    /** Forgets every assignment: the next run gets the first colour again. */
    void reset() {
        assigned.clear();
    }
}
