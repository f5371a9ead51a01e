package org.ringlab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.config.RunConfig;
import org.ringlab.data.LoadedData;
import org.ringlab.train.Listeners;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.Trainer;
import org.ringlab.train.TrainingListener;
import org.ringlab.train.TrainingOutcome;

/**
 * Trains a stored run on the calling thread, recording into the store: a resumable checkpoint in
 * the run's folder every {@code checkpoint-every} epochs and at the end, the final parameters as
 * {@code checkpoint.params} beside its {@code config.json} (what {@code ringlab eval --run} reads).
 */
public final class StoredTraining {
    private final RunStore store;
    private ResumeCheckpoint.Sink checkpointSink = ResumeCheckpoint.FILES;
    private RunLock held;
    private boolean fromScratch;
    private boolean folderFiles;

    public StoredTraining(RunStore store) {
        this.store = store;
    }

    /** Replaces how checkpoints are written (tests simulate a full disk with it). */
    public StoredTraining checkpointSink(ResumeCheckpoint.Sink sink) {
        this.checkpointSink = sink;
        return this;
    }

    /**
     * The caller already holds the run's lock (a service takes it when it accepts the run, long
     * before it trains); without one, {@link #train} and {@link #resume} take it and release it.
     */
    public StoredTraining holding(RunLock lock) {
        this.held = lock;
        return this;
    }

    /**
     * Lets {@link #resume} restart a run from step 0 when it has no checkpoint (or ignore the one it
     * has), keeping its recorded history as a superseded attempt.
     */
    public StoredTraining fromScratch(boolean restart) {
        this.fromScratch = restart;
        return this;
    }

    /**
     * Makes {@link #train} record the run folder's {@code metrics.csv}, {@code steps.csv}, {@code
     * snapshots.jsonl} and {@code run.json} as a CLI run directory has them (the same {@link
     * RunRecorder}), and {@link #resume} rewrite them from the history the store keeps and go on
     * recording into them, so that they do not describe an older attempt. Off for a caller that
     * records the files itself (the training service).
     */
    public StoredTraining writingFolderFiles(boolean write) {
        this.folderFiles = write;
        return this;
    }

    /**
     * Trains run {@code id} from its first epoch.
     *
     * @throws StoreException when the run already has a recorded history (resume it instead)
     * @throws RunBusyException when another trainer holds the run
     */
    public TrainingOutcome train(long id, LoadedData data, RunControl control, TrainingListener... also) {
        try (RunLock own = lockUnlessHeld(id)) {
            if (store.hasHistory(id)) {
                throw new StoreException("run " + id + " has already recorded training; resume it instead of "
                        + "training it again");
            }
            if (!folderFiles) {
                return run(id, null, data, control, also);
            }
            try (RunRecorder files = new RunRecorder(store.runDirectory(id))) {
                return run(id, null, data, control, with(also, files));
            } catch (java.io.IOException e) {
                throw new StoreException("cannot write the files of run " + id + " in " + store.runDirectory(id)
                        + " (" + e.getMessage() + ")", e);
            }
        }
    }

    /**
     * Continues run {@code id} from its last checkpoint (after {@link RunStore#prepareResume}
     * dropped what it recorded after it), appending the following epochs to the same run.
     *
     * @throws NoCheckpointException when it has history but no checkpoint, unless {@link
     *     #fromScratch} allows a restart
     * @throws RunBusyException when another trainer holds the run
     * @throws StoreException when the run is live elsewhere or its checkpoint is damaged
     */
    public TrainingOutcome resume(long id, LoadedData data, RunControl control, TrainingListener... also) {
        try (RunLock own = lockUnlessHeld(id)) {
            Path checkpoint = store.prepareResume(id, fromScratch);
            if (!folderFiles) {
                return run(id, checkpoint, data, control, also);
            }
            try (RunRecorder files = new RunRecorder(store.runDirectory(id))) {
                StoredRun kept = store.load(id);
                // steps before epochs: the recorder flushes steps.csv with each epoch row
                kept.steps().forEach(files::onStep);
                kept.epochs().forEach(files::onEpoch);
                kept.snapshots().forEach(files::onSnapshot);
                return run(id, checkpoint, data, control, with(also, files));
            } catch (java.io.IOException e) {
                throw new StoreException("cannot rewrite the files of run " + id + " in " + store.runDirectory(id)
                        + " (" + e.getMessage() + ")", e);
            }
        }
    }

    private static TrainingListener[] with(TrainingListener[] also, TrainingListener files) {
        List<TrainingListener> listeners = new ArrayList<>(List.of(also));
        listeners.add(files);
        return listeners.toArray(TrainingListener[]::new);
    }

    /** null (nothing to release) when the caller holds the run's lock. */
    private RunLock lockUnlessHeld(long id) {
        return held != null && held.runId() == id ? null : store.lock(id);
    }

    private TrainingOutcome run(long id, Path resumeFrom, LoadedData data, RunControl control,
            TrainingListener... also) {
        RunConfig config = store.config(id);
        Trainer trainer = new Trainer(config, data)
                .resumableTo(store.resumeCheckpoint(id))
                .checkpointTo(store.runDirectory(id).resolve(RunRecorder.CHECKPOINT))
                .checkpointSink(checkpointSink);
        if (resumeFrom != null) {
            trainer.resumeFrom(resumeFrom);
        }
        String init = config.initFrom() == null ? "" : config.initFrom().strip();
        if (init.matches("\\d{1,18}") && !Files.exists(Path.of(init))) {
            // init-from names a run of this workspace by its id
            trainer.initFrom(store.runDirectory(Long.parseLong(init)));
        }
        try (StoreRecorder recorder = store.recorder(id)) {
            List<TrainingListener> listeners = new ArrayList<>();
            listeners.add(recorder);
            listeners.addAll(List.of(also));
            return trainer.run(Listeners.of(listeners.toArray(TrainingListener[]::new)), control);
        }
    }
}
