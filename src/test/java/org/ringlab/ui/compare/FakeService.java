package org.ringlab.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.train.RunStatus;

/** A TrainingService that trains nothing: it records what is submitted, and tests set each run's status. */
final class FakeService implements TrainingService {
    final List<RunConfig> submitted = new CopyOnWriteArrayList<>();
    private final List<RunHandle> runs = new CopyOnWriteArrayList<>();

    @Override
    public RunHandle submit(RunConfig config) {
        submitted.add(config);
        Handle h = new Handle(String.valueOf(runs.size() + 1), config, Path.of("nowhere", String.valueOf(runs.size())));
        runs.add(h);
        return h;
    }

    /** A run that has already ended, recorded in {@code dir}. */
    Handle add(Path dir, RunStatus status) {
        Handle h = new Handle(dir.getFileName().toString(), RunConfig.defaults(), dir);
        h.set(status);
        runs.add(h);
        return h;
    }

    @Override
    public List<RunHandle> runs() {
        return new ArrayList<>(runs);
    }

    @Override
    public List<RunHandle> queued() {
        return List.of();
    }

    @Override
    public void cancelQueued(String runId) {
        throw new java.util.NoSuchElementException(runId);
    }

    @Override
    public void moveQueued(String runId, int offset) {
        throw new java.util.NoSuchElementException(runId);
    }

    @Override
    public RunHandle resume(String runId) {
        throw new UnsupportedOperationException("a fake service trains nothing");
    }

    @Override
    public org.ringlab.service.WorkerInfo describe() {
        return new org.ringlab.service.WorkerInfo("fake", "", "", "none", "", "", List.of());
    }

    @Override
    public String describeDevice() {
        return "fake";
    }

    @Override
    public void close() {
    }

    static final class Handle extends org.ringlab.ui.FakeRunHandle {
        Handle(String id, RunConfig config, Path dir) {
            super(id, config.name() == null ? id : config.name(), config, dir, RunStatus.PENDING);
        }
    }
}
