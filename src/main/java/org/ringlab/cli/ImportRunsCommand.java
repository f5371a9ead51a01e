package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ringlab.store.RunFolderImport;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreException;
import org.ringlab.sweep.slurm.SlurmException;
import org.ringlab.sweep.slurm.SlurmSweep;
import org.ringlab.sweep.slurm.SlurmTools;
import org.ringlab.sweep.slurm.SweepManifest;
import org.ringlab.sweep.slurm.SweepState;
import org.ringlab.sweep.slurm.TaskStatus;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ringlab import-runs DIR}: the run folders of a sweep (or any folder of run folders) into a
 * workspace's run store, once each; running it again adds what the runs recorded since.
 */
@Command(name = "import-runs", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bring run folders (a Slurm sweep's, a local sweep's, or any folder holding run folders) into "
            + "a workspace's run store, finished or still running. Each folder becomes one store run; importing again "
            + "adds the epochs recorded since and updates its status, so it is safe to repeat while a sweep runs.",
            "For a Slurm sweep the status comes from Slurm (squeue, sacct) and the tasks' status files; without "
                + "Slurm (a copy on the desktop) from the files alone."})
final class ImportRunsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "A sweep folder or a folder of run folders.")
    Path folder;

    @Option(names = "--workspace", paramLabel = "W", description = "The workspace (default: ~/.ringlab/workspace).")
    Path workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new UserError(folder + ": no such folder");
        }
        List<Path> runDirs;
        Map<Path, SweepState.RunState> slurm = new HashMap<>();
        String job = null;
        try {
            if (Files.isRegularFile(SweepManifest.file(dir))) {
                SweepManifest manifest = SweepManifest.read(dir);
                job = manifest.job();
                // a copy of the sweep folder (rsync to the desktop) holds the run folders under the same names
                runDirs = manifest.runs().stream().map(r -> Files.isDirectory(dir.resolve(r.name()))
                        ? dir.resolve(r.name()) : r.dir()).toList();
                try {
                    List<SweepState.RunState> states = new SlurmSweep(new SlurmTools()).status(dir).runs();
                    for (int i = 0; i < states.size(); i++) {
                        slurm.put(runDirs.get(i), states.get(i));
                    }
                } catch (SlurmException e) {
                    out.println("(no Slurm here: " + e.getMessage() + "; statuses from the run folders alone)");
                }
            } else {
                runDirs = childRunFolders(dir);
            }
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
        int imported = 0;
        int updated = 0;
        int failed = 0;
        try (RunStore store = WorkspaceOption.open(workspace)) {
            RunFolderImport importer = new RunFolderImport(store);
            for (int i = 0; i < runDirs.size(); i++) {
                Path run = runDirs.get(i);
                if (!Files.isRegularFile(run.resolve(RunRecorder.METRICS))) {
                    out.println(run.getFileName() + ": not started yet");
                    continue;
                }
                String[] status = status(run, slurm.get(run));
                String where = job == null ? null : "slurm job " + job + "_" + i;
                try {
                    RunFolderImport.Result r = importer.importRun(run, runStatus(status[0]), status[1], where);
                    switch (r.change()) {
                        case IMPORTED -> imported++;
                        case UPDATED -> updated++;
                        default -> { }
                    }
                    out.printf("%s: run %d, %s (%d epoch(s)%s, %s)%n", r.name(), r.id(),
                            r.change().name().toLowerCase(Locale.ROOT), r.epochs(),
                            r.change() == RunFolderImport.Change.UPDATED && r.added() > 0 ? ", +" + r.added() : "",
                            r.status().id());
                } catch (IOException e) {
                    failed++;
                    out.println(run.getFileName() + ": not imported: " + e.getMessage());
                }
            }
            out.printf("%d imported, %d updated, %d unchanged into %s%n", imported, updated,
                    runDirs.size() - imported - updated - failed, store.databaseFile());
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), e);
        }
        return failed == 0 ? 0 : RingLabCli.FAILED;
    }

    /** {RunStatus name, message}: Slurm's view where known, else the task's file, else run.json. */
    private static String[] status(Path run, SweepState.RunState slurm) {
        if (slurm != null) {
            return switch (slurm.state()) {
                case SweepState.FINISHED -> new String[] {"FINISHED", "finished " + slurm.epochs() + " epochs"};
                case SweepState.FAILED -> new String[] {"FAILED", String.valueOf(slurm.reason())};
                case SweepState.CANCELLED -> new String[] {"STOPPED", "cancelled (scancel) after epoch "
                        + slurm.epoch()};
                case SweepState.RUNNING -> new String[] {"RUNNING", "running on Slurm, epoch " + slurm.epoch() + "/"
                        + slurm.epochs()};
                case SweepState.REQUEUED -> new String[] {"PENDING", "requeued by Slurm after epoch " + slurm.epoch()};
                default -> new String[] {"PENDING", "pending in Slurm's queue"};
            };
        }
        try {
            TaskStatus task = TaskStatus.read(run);
            if (task != null) {
                return switch (task.state()) {
                    case TaskStatus.FINISHED -> new String[] {"FINISHED", "finished " + task.epochs() + " epochs"};
                    case TaskStatus.FAILED -> new String[] {"FAILED", String.valueOf(task.reason())};
                    case TaskStatus.STOPPED -> new String[] {"PENDING", String.valueOf(task.reason())};
                    default -> new String[] {"RUNNING", "running on " + task.host() + ", epoch " + task.epoch() + "/"
                            + task.epochs()};
                };
            }
            String text = Files.readString(run.resolve(RunRecorder.RUN_INFO));
            com.fasterxml.jackson.databind.JsonNode info = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(text);
            return new String[] {info.path("status").asText("pending").toUpperCase(Locale.ROOT),
                info.path("message").asText("")};
        } catch (IOException | RuntimeException e) {
            return new String[] {"PENDING", "no status recorded yet"};
        }
    }

    private static RunStatus runStatus(String name) {
        try {
            return RunStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return RunStatus.PENDING;
        }
    }

    private static List<Path> childRunFolders(Path dir) throws IOException {
        List<Path> runs = new ArrayList<>();
        if (Files.isRegularFile(dir.resolve(RunRecorder.CONFIG))) {
            runs.add(dir);
            return runs;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve(RunRecorder.CONFIG))) {
                    runs.add(child);
                }
            }
        }
        runs.sort(null);
        return runs;
    }
}
