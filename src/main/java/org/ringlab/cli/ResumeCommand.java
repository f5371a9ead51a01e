package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.store.NoCheckpointException;
import org.ringlab.store.RunBusyException;
import org.ringlab.store.RunLock;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreException;
import org.ringlab.store.StoredTraining;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ringlab resume ID}: continues a stored run from its last checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Continue a run of the run store from its last checkpoint; its next epochs are appended to it.")
final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID", description = "The run's id (see 'ringlab runs').")
    long id;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--from-scratch", description = "Restart a run that has no checkpoint from step 0; its recorded "
            + "history is kept in the store as a superseded attempt.")
    boolean fromScratch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RunStore store = workspace.open()) {
            RunConfig config = store.config(id);
            RunStatus status = store.status(id);
            if (status == RunStatus.FINISHED) {
                throw new UserError("run " + id + " is already finished");
            }
            EngineSettings.threads(config.threads());
            LoadedData data;
            try {
                data = DataSets.load(DataPaths.resolve(config.data()), config.imageSize());
            } catch (IOException e) {
                throw new UserError("run " + id + ": " + e.getMessage(), e);
            }
            TrainingOutcome outcome;
            try (RunLock lock = store.lock(id)) {
                if (!fromScratch && !Files.exists(store.resumeCheckpoint(id)) && store.hasHistory(id)) {
                    throw new NoCheckpointException("no checkpoint");
                }
                out.println((fromScratch ? "restarting run " : "resuming run ") + id + " (" + status.id() + ") in "
                        + store.databaseFile());
                // the run's folder files (metrics.csv, steps.csv, snapshots.jsonl) follow what the store keeps,
                // and a run recorded before they were written there gets them
                outcome = new StoredTraining(store).holding(lock).fromScratch(fromScratch)
                        .writingFolderFiles(true).resume(id, data, new RunControl(),
                                new ConsoleProgress(out, config.epochs()));
            } catch (NoCheckpointException e) {
                throw new UserError("run " + id + " has no checkpoint to resume from (" + store.resumeCheckpoint(id)
                        + " is missing); pass --from-scratch to restart it from step 0 (its recorded history is kept "
                        + "as a superseded attempt)", e);
            } catch (RunBusyException e) {
                throw new UserError(e.getMessage(), e);
            }
            if (outcome.status() == RunStatus.FAILED) {
                spec.commandLine().getErr().println("ringlab: " + outcome.message());
            }
            return outcome.status() == RunStatus.FINISHED ? 0 : RingLabCli.FAILED;
        } catch (StoreException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
