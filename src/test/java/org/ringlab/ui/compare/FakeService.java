package org.ringlab.ui.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.ringlab.service.RunHistory;
import org.ringlab.service.TrainingService;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

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
        h.status = status;
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

    static final class Handle implements RunHandle {
        private final String id;
        private final RunConfig config;
        private final Path dir;
        volatile RunStatus status = RunStatus.PENDING;

        Handle(String id, RunConfig config, Path dir) {
            this.id = id;
            this.config = config;
            this.dir = dir;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String name() {
            return config.name() == null ? id : config.name();
        }

        @Override
        public RunConfig config() {
            return config;
        }

        @Override
        public Path directory() {
            return dir;
        }

        @Override
        public RunStatus status() {
            return status;
        }

        @Override
        public String statusMessage() {
            return "";
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void step() {
        }

        @Override
        public void stop() {
        }

        @Override
        public void addListener(TrainingListener listener) {
        }

        @Override
        public void removeListener(TrainingListener listener) {
        }

        @Override
        public RunHistory history() {
            return new RunHistory();
        }
    }
}
