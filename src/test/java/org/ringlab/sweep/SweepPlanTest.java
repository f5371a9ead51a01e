package org.ringlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.DataDescription;
import org.ringlab.config.DataProbe;

class SweepPlanTest {
    @TempDir
    Path tmp;

    /** Fails as the real probe does for a --data folder that is not there. */
    private static final DataProbe NO_DATA = (folder, size) -> {
        throw new IOException(folder + ": no such folder");
    };

    @Test
    void everyProblemOfEveryPointIsListedBeforeAnythingStarts() throws IOException {
        SweepGrid grid = new SweepGrid(List.of("ring", "twn"), List.of(), List.of(1, 8), List.of(), List.of(1L, 1L));
        SweepPlan plan = SweepPlan.of(grid.expand(SweepGridTest.base(), tmp), NO_DATA);
        assertFalse(plan.isValid());
        List<String> problems = plan.problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("lenet-ring-triangle1-s1: ") && p.contains("ring-size")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("lenet-twn-s1: ") && p.contains("twn")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("appears twice")), problems.toString());
    }

    @Test
    void aPointWhoseDirectoryHoldsARunIsRefused() throws IOException {
        Files.createDirectories(tmp.resolve("lenet-fp32-s1"));
        Files.writeString(tmp.resolve("lenet-fp32-s1/config.json"), "{}");
        SweepGrid grid = new SweepGrid(List.of("fp32"), List.of(), List.of(), List.of(), List.of(1L, 2L));
        SweepPlan plan = SweepPlan.of(grid.expand(SweepGridTest.base(), tmp), (folder, size) -> sampleLike());
        assertEquals(1, plan.problems().size(), plan.problems().toString());
        assertTrue(plan.problems().get(0).contains("already holds a run"), plan.problems().toString());
    }

    @Test
    void theRunnerGoesOnAfterAFailureAndSkipsWhatAStopLeaves() throws IOException {
        SweepGrid grid = new SweepGrid(List.of("fp32"), List.of(), List.of(), List.of(), List.of(1L, 2L, 3L, 4L));
        SweepPlan plan = SweepPlan.of(grid.expand(SweepGridTest.base(), tmp), (folder, size) -> sampleLike());
        assertTrue(plan.isValid(), plan.problems().toString());
        AtomicInteger started = new AtomicInteger();
        List<String> events = new ArrayList<>();
        List<SweepRunner.Result> results = SweepRunner.run(plan.runs(), config -> {
            started.incrementAndGet();
            if (config.seed() == 1) {
                throw new IllegalStateException("out of memory");
            }
            return new SweepRunner.Outcome(config.seed() == 2 ? "diverged" : "finished", "");
        }, () -> started.get() >= 3, new SweepRunner.Listener() {
            @Override
            public void starting(int index, int total, String name) {
                events.add("start " + (index + 1) + "/" + total + " " + name);
            }

            @Override
            public void ended(SweepRunner.Result result) {
                events.add(result.name() + " " + result.status());
            }
        });
        assertEquals(List.of("failed", "diverged", "finished", "skipped"),
                results.stream().map(SweepRunner.Result::status).toList());
        assertEquals("out of memory", results.get(0).message());
        assertEquals(3, started.get());
        assertEquals("start 1/4 lenet-fp32-s1", events.get(0));
        assertEquals("lenet-fp32-s4 skipped", events.get(events.size() - 1));
    }

    private static DataDescription sampleLike() {
        return new DataDescription("idx", 1, 28, 28, 10, 60000, 10000);
    }
}
