package org.ringlab.ui.runlist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.store.NoCheckpointException;
import org.ringlab.train.Failures;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.LiveRun;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.PastRuns;
import org.ringlab.ui.PendingAction;
import org.ringlab.ui.RunExporter;
import org.ringlab.ui.ServiceCalls;
import org.ringlab.ui.export.ExportChoices;

/**
 * What can be done to the selected runs of a {@link RunsModel}: resume one (from its checkpoint,
 * or from step 0 when the user agrees), delete ended ones from the workspace store, export figures
 * and tables. Every call goes through {@link ServiceCalls}.
 */
public final class RunActions {
    /** The lane of the workspace store's reads and deletes. */
    static final String STORE = RunsModel.STORE;

    public final PendingAction resumeRun = new PendingAction("Resume run", "Resuming…");
    public final PendingAction deleteRun = new PendingAction("Delete run", "Deleting…");
    private final ServiceCalls calls;
    private final Supplier<TrainingService> service;
    private final PastRuns pastRuns;
    private final RunsModel runs;
    private final BooleanSupplier workerAlive;
    private final Predicate<String> confirmRestart;
    private final MessageBar messages;

    /**
     * @param pastRuns the workspace's recorded runs; null for none (nothing to delete)
     * @param workerAlive whether the worker answers (a run is resumed only on a live one)
     * @param confirmRestart asked, with the run's name, before a run without a checkpoint restarts from step 0
     */
    public RunActions(ServiceCalls calls, Supplier<TrainingService> service, PastRuns pastRuns, RunsModel runs,
            BooleanSupplier workerAlive, Predicate<String> confirmRestart, MessageBar messages) {
        this.calls = calls;
        this.service = service;
        this.pastRuns = pastRuns;
        this.runs = runs;
        this.workerAlive = workerAlive;
        this.confirmRestart = confirmRestart;
        this.messages = messages;
        refresh();
    }

    /** Continues the selected run (interrupted, stopped or failed) from its last checkpoint. */
    public void resumeSelected() {
        List<LiveRun> selection = runs.selection();
        if (selection.isEmpty()) {
            messages.say("resume: select an interrupted or stopped run");
            return;
        }
        resume(selection.get(selection.size() - 1), false);
    }

    /**
     * A run without a checkpoint is restarted from step 0 only when the user says so. Checkpoints
     * are written at the end of epochs, so a run that recorded no epoch has none: it is asked about
     * before the service is called (a run with no recorded step would otherwise start over without
     * a word, reported as resumed); a checkpoint lost later is found by the service.
     */
    private void resume(LiveRun selected, boolean fromScratch) {
        if (!fromScratch && selected.handle.history().epochs().isEmpty()) {
            if (confirmRestart.test(selected.handle.name())) {
                resume(selected, true);
            } else {
                messages.say("resume: cancelled; " + selected.handle.name() + " is kept as it is");
            }
            return;
        }
        TrainingService s = service.get();
        String id = selected.handle.id();
        resumeRun.pending.set(true);
        calls.call(ServiceCalls.SERVICE, () -> s.resume(id, fromScratch), handle -> {
            resumeRun.pending.set(false);
            showResumed(selected, handle, fromScratch);
            refresh();
        }, cause -> {
            resumeRun.pending.set(false);
            if (cause instanceof NoCheckpointException && !fromScratch) {
                if (confirmRestart.test(selected.handle.name())) {
                    resume(selected, true);
                    return;
                }
                messages.say("resume: cancelled; " + selected.handle.name() + " is kept as it is");
            } else {
                messages.fail("resume", cause);
            }
        });
    }

    private void showResumed(LiveRun selected, RunHandle handle, boolean fromScratch) {
        runs.replace(selected, handle);
        messages.say((fromScratch ? "restarting " : "resuming ") + handle.name()
                + (fromScratch ? " from step 0" : " from its last checkpoint"));
    }

    /** Deletes the selected ended runs from the store (rows and folders); nothing else is touched. */
    public void deleteSelected() {
        List<LiveRun> chosen = new ArrayList<>(runs.selection());
        if (pastRuns == null || chosen.isEmpty()) {
            messages.say("delete: select ended runs");
            return;
        }
        List<LiveRun> ended = new ArrayList<>();
        for (LiveRun run : chosen) {
            if (run.handle.status().isTerminal()) {
                ended.add(run);
            } else {
                messages.say("delete: " + run.handle.name() + " is still " + run.handle.status().id());
            }
        }
        if (ended.isEmpty()) {
            return;
        }
        deleteRun.pending.set(true);
        List<String> problems = new CopyOnWriteArrayList<>();
        calls.call(STORE, () -> {
            List<LiveRun> deleted = new ArrayList<>();
            for (LiveRun run : ended) {
                try {
                    pastRuns.delete(run.handle.id());
                    deleted.add(run);
                } catch (RuntimeException e) {
                    problems.add(Failures.describe(e));
                }
            }
            return deleted;
        }, deleted -> {
            deleteRun.pending.set(false);
            for (LiveRun run : deleted) {
                runs.remove(run);
            }
            messages.say(problems.isEmpty() ? "deleted " + deleted.size() + " run(s)"
                    : "delete: " + problems.get(0).replace('\n', ' '));
            refresh();
        }, error -> {
            deleteRun.pending.set(false);
            messages.fail("delete", error);
        });
    }

    /** The folders of the selected runs that have finished at least one epoch. */
    public List<Path> exportable() {
        List<Path> dirs = new ArrayList<>();
        for (LiveRun run : runs.selection()) {
            if (Files.isRegularFile(run.handle.directory().resolve("metrics.csv"))) {
                dirs.add(run.handle.directory());
            }
        }
        return dirs;
    }

    /** Figures and tables of {@code dirs} into {@code folder}, off the JavaFX thread. */
    public void exportTo(List<Path> dirs, Path folder) {
        exportTo(dirs, ExportChoices.defaults(folder));
    }

    /** Figures (as the export dialog chose) and tables of {@code dirs}, off the JavaFX thread. */
    public void exportTo(List<Path> dirs, ExportChoices choices) {
        messages.say("exporting " + dirs.size() + " run(s)…");
        calls.call("export", () -> RunExporter.export(dirs, choices),
                files -> messages.say("exported " + files + " files to " + choices.folder()),
                error -> messages.fail("export failed", error));
    }

    /** Which actions apply to the selection now (called again each frame). */
    public void refresh() {
        List<LiveRun> selection = runs.selection();
        LiveRun last = selection.isEmpty() ? null : selection.get(selection.size() - 1);
        RunStatus sel = last == null ? null : last.handle.status();
        resumeRun.off.set(!(sel == RunStatus.INTERRUPTED || sel == RunStatus.STOPPED || sel == RunStatus.FAILED)
                || !workerAlive.getAsBoolean());
        deleteRun.off.set(pastRuns == null || sel == null || !sel.isTerminal());
    }
}
