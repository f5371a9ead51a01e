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
            groups.add(new SeedGroup(label(members), members));
        }
        return groups;
    }

    /**
     * One legend entry for the group: the runs' shared name, else (names that differ by seed, such as
     * "ring-s1", "ring-s2") their method and bits, with the number of seeds.
     */
    private static String label(List<RunData> members) {
        String first = members.get(0).label();
        if (members.size() == 1) {
            return first;
        }
        boolean shared = members.stream().allMatch(r -> r.label().equals(first));
        return (shared ? first : RunLabel.methodAndBits(members.get(0).config())) + ", " + members.size() + " seeds";
    }

    private static RunConfig experiment(RunConfig config) {
        return config.toBuilder().seed(0).out(null).name(null).build();
    }

    public int size() {
        return runs.size();
    }
}
