package org.ringlab.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ringlab.config.DataProbe;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;

/**
 * A sweep checked before any run starts: every point parsed and validated, and every problem of
 * every point listed at once (prefixed with the point's name), so a long sweep never fails an
 * hour in on a typo in its tenth configuration.
 *
 * @param runs the points that are valid, in grid order, each with its parsed configuration
 * @param problems one line per violation; the sweep may start only when this is empty
 */
public record SweepPlan(List<PlannedRun> runs, List<String> problems) {
    /** A point ready to train. */
    public record PlannedRun(String name, RunConfig config) {
    }

    public SweepPlan {
        runs = List.copyOf(runs);
        problems = List.copyOf(problems);
    }

    /**
     * @param probe what the validator asks about the data (its format and size)
     */
    public static SweepPlan of(List<SweepPoint> points, DataProbe probe) {
        List<PlannedRun> runs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (points.isEmpty()) {
            problems.add("the grid is empty");
        }
        Set<String> names = new HashSet<>();
        for (SweepPoint point : points) {
            if (!names.add(point.name())) {
                problems.add(point.name() + ": appears twice in the grid (a value is repeated on an axis)");
                continue;
            }
            RunConfig config;
            try {
                config = point.config();
            } catch (InvalidConfigException e) {
                e.problems().forEach(p -> problems.add(point.name() + ": " + p));
                continue;
            }
            List<String> violations = config.validate(probe);
            violations.forEach(p -> problems.add(point.name() + ": " + p));
            if (config.out() != null && Files.exists(Path.of(config.out(), "config.json"))) {
                problems.add(point.name() + ": " + config.out() + " already holds a run; choose another --out-dir");
                continue;
            }
            if (violations.isEmpty()) {
                runs.add(new PlannedRun(point.name(), config));
            }
        }
        return new SweepPlan(runs, problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
