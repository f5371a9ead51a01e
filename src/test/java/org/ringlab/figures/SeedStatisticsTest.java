package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.RunConfig;
import org.ringlab.train.EpochMetrics;

class SeedStatisticsTest {

    private static RunData run(String name, RunConfig config, double... soft) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 0; e < soft.length; e++) {
            epochs.add(new EpochMetrics(e + 1, 10 * (e + 1), 1, 1, soft[e], Double.NaN, Double.NaN, 0.1, 1, 1, 1));
        }
        return new RunData(Path.of(name), name, config, epochs, List.of());
    }

    @Test
    void meanAndSampleStdOfThreeSeeds() {
        RunConfig base = RunConfig.builder().ringSize(8).build();
        List<RunData> runs = List.of(run("s1", base.toBuilder().seed(1).out("a").build(), 90, 95),
                run("s2", base.toBuilder().seed(2).out("b").name("other").build(), 92, 96),
                run("s3", base.toBuilder().seed(3).build(), 97, 97));

        List<EpochStatistics.Point> points = EpochStatistics.of(runs, Metric.TEST_SOFT);

        assertEquals(2, points.size());
        EpochStatistics.Point first = points.get(0);
        assertEquals(1, first.epoch());
        assertEquals(93.0, first.mean(), 1e-12);
        assertEquals(Math.sqrt((9 + 1 + 16) / 2.0), first.std(), 1e-12);
        assertEquals(90.0, first.min());
        assertEquals(97.0, first.max());
        assertEquals(3, first.runs());
        assertEquals(96.0, points.get(1).mean(), 1e-12);
        assertEquals(1.0, points.get(1).std(), 1e-12);
        assertEquals(93.0 - Math.sqrt(13), Band.STD.lower(first), 1e-12);
        assertEquals(97.0, Band.MINMAX.upper(first));
    }

    @Test
    void epochsNotReachedByEveryRunAndMissingValuesAreLeftOut() {
        RunConfig c = RunConfig.defaults();
        List<RunData> runs = List.of(run("a", c, 90, 91, 92), run("b", c, 80, 81));
        assertEquals(List.of(1, 2), EpochStatistics.of(runs, Metric.TEST_SOFT).stream()
                .map(EpochStatistics.Point::epoch).toList());
        assertEquals(List.of(), EpochStatistics.of(runs, Metric.TEST_SNAPPED));
    }

    @Test
    void runsGroupByConfigurationIgnoringSeedOutAndName() {
        RunConfig eight = RunConfig.builder().ringSize(8).build();
        RunConfig four = RunConfig.builder().ringSize(4).build();
        List<SeedGroup> groups = SeedGroup.of(List.of(run("a", eight.toBuilder().seed(1).build(), 90),
                run("x", four, 50), run("b", eight.toBuilder().seed(2).name("b").out("elsewhere").build(), 91)));
        assertEquals(2, groups.size());
        assertEquals(List.of("a", "b"), groups.get(0).runs().stream().map(RunData::label).toList());
        // names that differ by seed give way to the method and bits, once for the group
        assertEquals("Ring-8 (2 bit), 2 seeds", groups.get(0).label());
        assertEquals("x", groups.get(1).label());
    }
}
