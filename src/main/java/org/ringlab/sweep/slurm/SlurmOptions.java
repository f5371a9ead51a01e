package org.ringlab.sweep.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep asks Slurm for, per task (each option null or empty when not given: the cluster's
 * default applies).
 *
 * @param partition {@code --partition}
 * @param gres {@code --gres}, e.g. "gpu:1" or "gpu:a100:1"
 * @param time {@code --time}, e.g. "24:00:00"
 * @param cpusPerTask {@code --cpus-per-task}; the task also uses it as its thread count
 * @param mem {@code --mem}, e.g. "16G"
 * @param maxParallel how many tasks may run at once (the array's {@code %N}); null for no cap
 * @param extra further sbatch arguments, passed as they are
 */
public record SlurmOptions(String partition, String gres, String time, Integer cpusPerTask, String mem,
        Integer maxParallel, List<String> extra) {
    /** Seconds of warning before the time limit: enough for a run to stop at its next step and exit. */
    public static final int WARNING_SECONDS = 120;

    public SlurmOptions {
        extra = List.copyOf(extra);
    }

    /** The sbatch arguments for an array of {@code tasks} tasks writing their logs into {@code logDir}. */
    List<String> sbatchArguments(int tasks, String jobName, String logPattern) {
        List<String> args = new ArrayList<>();
        args.add("--parsable");
        args.add("--job-name=" + jobName);
        args.add("--array=0-" + (tasks - 1) + (maxParallel != null ? "%" + maxParallel : ""));
        args.add("--output=" + logPattern);
        // a requeued task appends to its log instead of wiping what the first attempt wrote
        args.add("--open-mode=append");
        args.add("--requeue");
        // B: the signal goes to the batch shell, which traps it (a JVM cannot trap SIGUSR2 portably)
        args.add("--signal=B:USR2@" + WARNING_SECONDS);
        add(args, "--partition=", partition);
        add(args, "--gres=", gres);
        add(args, "--time=", time);
        add(args, "--cpus-per-task=", cpusPerTask == null ? null : cpusPerTask.toString());
        add(args, "--mem=", mem);
        args.addAll(extra);
        return args;
    }

    /** The problems of the values themselves, one line each (Slurm checks the rest at submission). */
    public List<String> problems(int tasks) {
        List<String> problems = new ArrayList<>();
        if (cpusPerTask != null && cpusPerTask < 1) {
            problems.add("--cpus-per-task must be at least 1, not " + cpusPerTask);
        }
        if (maxParallel != null && maxParallel < 1) {
            problems.add("--max-parallel must be at least 1, not " + maxParallel);
        }
        for (String[] v : new String[][] {{"--partition", partition}, {"--gres", gres}, {"--time", time},
            {"--mem", mem}}) {
            if (v[1] != null && (v[1].isBlank() || v[1].chars().anyMatch(Character::isWhitespace))) {
                problems.add(v[0] + " '" + v[1] + "' must be one word");
            }
        }
        if (tasks < 1) {
            problems.add("the grid is empty");
        }
        return problems;
    }

    private static void add(List<String> args, String flag, String value) {
        if (value != null && !value.isBlank()) {
            args.add(flag + value);
        }
    }
}
