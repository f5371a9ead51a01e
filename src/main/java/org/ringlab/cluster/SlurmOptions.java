package org.ringlab.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sweep asks Slurm for, per task; blank or zero leaves the cluster's default.
 *
 * @param sbatchArgs further sbatch arguments, each passed on as one word (e.g. "--qos=long")
 */
public record SlurmOptions(String partition, String gres, String time, int cpusPerTask, String mem, int maxParallel,
        List<String> sbatchArgs) {
    public SlurmOptions {
        partition = strip(partition);
        gres = strip(gres);
        time = strip(time);
        mem = strip(mem);
        sbatchArgs = sbatchArgs == null ? List.of() : sbatchArgs.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (cpusPerTask < 0) {
            throw new IllegalArgumentException("cpus per task: " + cpusPerTask + " is negative");
        }
        if (maxParallel < 0) {
            throw new IllegalArgumentException("max at once: " + maxParallel + " is negative");
        }
    }

    public static SlurmOptions none() {
        return new SlurmOptions("", "", "", 0, "", 0, List.of());
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The options of {@code ringlab sweep --executor slurm} that carry these values. */
    List<String> cliArgs() {
        List<String> a = new ArrayList<>();
        add(a, "--partition", partition);
        add(a, "--gres", gres);
        add(a, "--time", time);
        add(a, "--cpus-per-task", cpusPerTask == 0 ? "" : Integer.toString(cpusPerTask));
        add(a, "--mem", mem);
        add(a, "--max-parallel", maxParallel == 0 ? "" : Integer.toString(maxParallel));
        for (String s : sbatchArgs) {
            // "--sbatch-arg=--x" keeps picocli from taking a value that starts with "--" for an option
            a.add("--sbatch-arg=" + s);
        }
        return a;
    }

    private static void add(List<String> a, String option, String value) {
        if (!value.isEmpty()) {
            a.add(option);
            a.add(value);
        }
    }
}
