package org.ringlab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ringlab.config.DataProbe;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.runstate.RecordedStatus;

/**
 * A sweep checked before any run starts: every point parsed and validated, and every problem of
 * every point listed at once (prefixed with the point's name), so a long sweep never fails an
 * hour in on a typo in its tenth configuration.
 *
 * @param runs the points to train: valid, in grid order, each with its parsed configuration
 * @param kept points whose directory already holds a finished run, kept as they are when resuming
 * @param problems one line per violation; the sweep may start only when this is empty
 */
public record SweepPlan(List<PlannedRun> runs, List<PlannedRun> kept, List<String> problems) {

    /** A point ready to train. */
    public record PlannedRun(String name, RunConfig config) {
    }

    public SweepPlan {
        runs = List.copyOf(runs);
        kept = List.copyOf(kept);
        problems = List.copyOf(problems);
    }

    /** A plan for a fresh sweep: a point whose directory already holds a run is a problem. */
    public static SweepPlan of(List<SweepPoint> points, DataProbe probe) {
        return of(points, probe, false);
    }

    /**
     * @param probe what the validator asks about the data (its format and size)
     * @param resume keep a point whose directory holds a finished run instead of refusing it; a
     *     directory holding an unfinished run (stopped, failed, diverged) is still refused, since
     *     replacing it is the user's decision
     */
    public static SweepPlan of(List<SweepPoint> points, DataProbe probe, boolean resume) {
        List<PlannedRun> runs = new ArrayList<>();
        List<PlannedRun> kept = new ArrayList<>();
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
                String status = status(Path.of(config.out(), "run.json"));
                if (resume && "finished".equals(status)) {
                    kept.add(new PlannedRun(point.name(), config));
                } else if (resume) {
                    problems.add(point.name() + ": " + config.out() + " holds a run that did not finish (" + status
                            + "); delete it to train it again");
                } else {
                    problems.add(point.name() + ": " + config.out()
                            + " already holds a run; choose another --out-dir, or --resume to keep finished runs");
                }
                continue;
            }
            if (violations.isEmpty()) {
                runs.add(new PlannedRun(point.name(), config));
            }
        }
        return new SweepPlan(runs, kept, problems);
    }

    /**
     * The status a run.json records ("interrupted" when its process is gone), or "no status" when
     * it cannot be read.
     */
    private static String status(Path runJson) {
        try {
            return RecordedStatus.read(runJson).status();
        } catch (IOException e) {
            return "no status";
        }
    }

    public boolean isValid() {
        return problems.isEmpty();
    }
}
