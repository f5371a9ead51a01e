package org.ringlab.sweep.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sweep as one Slurm job array: submitting it, reading where each of its tasks stands and
 * cancelling it. Every call goes through {@link SlurmTools}; the run folders' own status files
 * ({@link TaskStatus}) complete what squeue and sacct say, since squeue forgets finished jobs after
 * a few minutes and many clusters keep no accounting.
 */
public final class SlurmSweep {
    /** Task log folder inside the sweep folder; one log per task index, appended to on requeue. */
    public static final String LOGS = "logs";

    private static final Set<String> WAITING = Set.of("PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED",
            "RESV_DEL_HOLD", "SPECIAL_EXIT");
    private static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL",
            "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED", "REVOKED");
    private static final Set<String> SLURM_FAILURES = Set.of("FAILED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY",
            "BOOT_FAIL", "DEADLINE", "PREEMPTED");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final SlurmTools tools;

    public SlurmSweep(SlurmTools tools) {
        this.tools = tools;
    }

    /**
     * Writes the batch script, submits one array task per run and records the manifest.
     *
     * @param sweepDir the sweep folder (absolute; it exists and holds each run's folder)
     * @param runs the runs in task-index order (their folders absolute)
     * @return the manifest, job id included
     * @throws SlurmException when sbatch is missing or refuses the job (its message included)
     */
    public SweepManifest submit(Path sweepDir, Path launcher, List<SweepManifest.Run> runs, SlurmOptions options)
            throws IOException {
        Files.createDirectories(sweepDir.resolve(LOGS));
        Path script = sweepDir.resolve(BatchScript.FILE);
        Files.writeString(script, BatchScript.text(launcher, sweepDir));
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX filesystem: sbatch runs the script through its #! line anyway
        }
        List<String> command = new ArrayList<>(List.of("sbatch"));
        String name = "ringlab-" + sweepDir.getFileName();
        command.addAll(options.sbatchArguments(runs.size(), name, sweepDir.resolve(LOGS).resolve("%a.log").toString()));
        command.add(script.toString());
        SlurmTools.Result r = tools.run(command);
        if (!r.ok()) {
            throw new SlurmException("sbatch refused the sweep: " + r.firstErrorLine());
        }
        // --parsable prints "jobid" or "jobid;cluster"
        String job = r.out().strip().lines().reduce((a, b) -> b).orElse("").split(";", -1)[0].strip();
        if (!job.matches("\\d+")) {
            throw new SlurmException("sbatch printed no job id: " + r.firstErrorLine());
        }
        SweepManifest manifest = new SweepManifest(job, launcher.toString(), Instant.now().toString(), runs);
        manifest.write(sweepDir);
        return manifest;
    }

    /** Cancels every task of the sweep that has not ended, and marks the sweep cancelled. */
    public void cancel(Path sweepDir) throws IOException {
        SweepManifest manifest = SweepManifest.read(sweepDir);
        Files.writeString(sweepDir.resolve(SweepManifest.CANCELLED), Instant.now() + "\n");
        SlurmTools.Result r = tools.run(List.of("scancel", manifest.job()));
        if (!r.ok() && !r.firstErrorLine().toLowerCase(Locale.ROOT).contains("invalid job id")) {
            throw new SlurmException("scancel " + manifest.job() + ": " + r.firstErrorLine());
        }
    }

    /** Where every run of the sweep stands, in task-index order. */
    public SweepState status(Path sweepDir) throws IOException {
        SweepManifest manifest = SweepManifest.read(sweepDir);
        Map<Integer, String[]> queued = squeue(manifest.job());
        Map<Integer, String> accounted = sacct(manifest.job());
        boolean cancelled = Files.exists(sweepDir.resolve(SweepManifest.CANCELLED));
        List<SweepState.RunState> states = new ArrayList<>();
        for (SweepManifest.Run run : manifest.runs()) {
            TaskStatus file;
            try {
                file = TaskStatus.read(run.dir());
            } catch (IOException e) {
                // a half-written file on a slow shared filesystem: the queue still says enough
                file = null;
            }
            String[] q = queued.get(run.index());
            String accountedState = accounted.get(run.index());
            if (q != null && ENDED.contains(q[0])) {
                // squeue -t all still lists an ended task for a few minutes (MinJobAge): as good as sacct
                accountedState = accountedState != null ? accountedState : q[0];
                q = null;
            }
            states.add(SweepState.merge(run, configuredEpochs(run.dir()), q == null ? null : q[0], q == null ? null : q[1],
                    accountedState, file, cancelled));
        }
        return new SweepState(manifest.job(), states);
    }

    private static int configuredEpochs(Path runDir) {
        try {
            return JSON.readTree(runDir.resolve("config.json").toFile()).path("epochs").asInt(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Array task index → {state, reason} for the tasks squeue still knows. */
    private Map<Integer, String[]> squeue(String job) {
        SlurmTools.Result r = tools.run(List.of("squeue", "-h", "-r", "-t", "all", "-j", job, "-o",
                "%i|%T|%r"));
        Map<Integer, String[]> out = new HashMap<>();
        if (!r.ok()) {
            // squeue refuses a job id it has already purged (MinJobAge): nothing of it is queued
            if (r.firstErrorLine().toLowerCase(Locale.ROOT).contains("invalid job id")) {
                return out;
            }
            throw new SlurmException("squeue: " + r.firstErrorLine());
        }
        for (String line : r.out().lines().toList()) {
            String[] f = line.strip().split("\\|", -1);
            Integer index = taskIndex(job, f[0]);
            if (index != null && f.length >= 2) {
                out.put(index, new String[] {f[1].strip(), f.length > 2 ? f[2].strip() : ""});
            }
        }
        return out;
    }

    /** Array task index → state, where the cluster keeps accounting; empty where it does not. */
    private Map<Integer, String> sacct(String job) {
        Map<Integer, String> out = new HashMap<>();
        SlurmTools.Result r;
        try {
            r = tools.run(List.of("sacct", "-n", "-P", "-X", "-j", job, "-o", "JobID,State"));
        } catch (SlurmException e) {
            // sacct is optional: squeue and the status files still tell the story
            return out;
        }
        if (!r.ok()) {
            return out;
        }
        for (String line : r.out().lines().toList()) {
            String[] f = line.strip().split("\\|", -1);
            Integer index = f.length >= 2 ? taskIndex(job, f[0]) : null;
            if (index != null) {
                // "CANCELLED by 0" → CANCELLED
                out.put(index, f[1].strip().split(" ", -1)[0]);
            }
        }
        return out;
    }

    /** The index of {@code <job>_<index>}; null for another job or a range ({@code <job>_[1-3]}). */
    static Integer taskIndex(String job, String id) {
        String prefix = job + "_";
        if (!id.startsWith(prefix)) {
            return null;
        }
        try {
            return Integer.parseInt(id.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean waiting(String slurmState) {
        return WAITING.contains(slurmState);
    }

    static boolean slurmFailure(String slurmState) {
        return SLURM_FAILURES.contains(slurmState);
    }
}
