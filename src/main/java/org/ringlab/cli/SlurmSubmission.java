package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ringlab.config.RunConfigJson;
import org.ringlab.sweep.SweepPlan;
import org.ringlab.sweep.slurm.SlurmException;
import org.ringlab.sweep.slurm.SlurmOptions;
import org.ringlab.sweep.slurm.SlurmSweep;
import org.ringlab.sweep.slurm.SlurmTools;
import org.ringlab.sweep.slurm.SweepManifest;
import org.ringlab.train.RunRecorder;

/** {@code ringlab sweep --executor slurm}: a validated plan written to its run folders and submitted. */
final class SlurmSubmission {
    /** Set by bin/ringlab (and ./ringlab): the launcher's own path, the tasks' default. */
    static final String LAUNCHER_PROPERTY = "ringlab.launcher";

    private final PrintWriter out;

    SlurmSubmission(PrintWriter out) {
        this.out = out;
    }

    int submit(SweepPlan plan, Path folder, Path launcherOption, SlurmOptions options) throws IOException {
        List<String> problems = options.problems(plan.runs().size());
        if (!problems.isEmpty()) {
            throw new UserError(String.join("; ", problems));
        }
        Path launcher = launcher(launcherOption);
        boolean created = !Files.exists(folder);
        List<SweepManifest.Run> runs = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (SweepPlan.PlannedRun p : plan.runs()) {
                Path dir = Path.of(p.config().out());
                Files.createDirectories(dir);
                RunConfigJson.write(p.config(), dir.resolve(RunRecorder.CONFIG));
                runs.add(new SweepManifest.Run(runs.size(), p.name(), dir));
            }
            SweepManifest manifest = new SlurmSweep(new SlurmTools()).submit(folder, launcher, runs, options);
            out.printf("%d run(s) in %s, one array task each (logs in %s)%n", runs.size(), folder,
                    folder.resolve(SlurmSweep.LOGS));
            out.println("follow: ringlab sweep status " + folder);
            out.println("submitted job " + manifest.job());
            return 0;
        } catch (SlurmException e) {
            if (created) {
                deleteTree(folder);
            } else {
                for (SweepManifest.Run r : runs) {
                    deleteTree(r.dir());
                }
            }
            throw new UserError(e.getMessage(), e);
        }
    }

    private static Path launcher(Path option) {
        Path launcher = option;
        if (launcher == null) {
            String property = System.getProperty(LAUNCHER_PROPERTY);
            if (property == null || property.isBlank()) {
                throw new UserError("--ringlab: name the ringlab launcher the nodes run (this process was not started "
                        + "by bin/ringlab)");
            }
            launcher = Path.of(property);
        }
        launcher = launcher.toAbsolutePath().normalize();
        if (!Files.isRegularFile(launcher) || !Files.isExecutable(launcher)) {
            throw new UserError("--ringlab " + launcher + ": not an executable file");
        }
        return launcher;
    }

    /** Removes what this submission created; nothing else was in it. */
    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: the error that matters is the submission's
        }
    }
}
