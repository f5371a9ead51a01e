package org.ringlab.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringlab.config.RunConfig;

/**
 * Runs of one experiment repeated with different seeds: their configurations are equal once the
 * seed and where the run was written (out, name) are set aside. A group of one is a plain run.
 */
public record SeedGroup(String label, List<RunData> runs) {

    public SeedGroup {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a seed group needs at least one run");
        }
        runs = List.copyOf(runs);
    }

    /** The groups in the order their first runs were given. */
    public static List<SeedGroup> of(List<RunData> runs) {
        Map<RunConfig, List<RunData>> byExperiment = new LinkedHashMap<>();
        for (RunData run : runs) {
            byExperiment.computeIfAbsent(experiment(run.config()), k -> new ArrayList<>()).add(run);
        }
        List<SeedGroup> groups = new ArrayList<>();
        for (List<RunData> members : byExperiment.values()) {
            String first = members.get(0).label();
            groups.add(new SeedGroup(members.size() == 1 ? first : first + " (" + members.size() + " seeds)", members));
        }
        return groups;
    }

    private static RunConfig experiment(RunConfig config) {
        return config.toBuilder().seed(0).out(null).name(null).build();
    }

    public int size() {
        return runs.size();
    }
}
