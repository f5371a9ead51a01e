package org.ringlab.service;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.Failures;
import org.ringlab.train.Listeners;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;
import org.ringlab.train.Trainer;

/**
 * Trains in this process on one background thread, one run after another. Each run is recorded in
 * its own directory under the workspace exactly as {@code ringlab train} records it.
 */
public final class InProcessTrainingService implements TrainingService {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path workspace;
    private final ExecutorService worker;
    private final List<RunHandle> runs = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final DataCache data = new DataCache();

    public InProcessTrainingService(Path workspace) {
        this.workspace = workspace;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ringlab-training");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public RunHandle submit(RunConfig config) {
        config.validateOrThrow(new DataSetProbe());
        String id = LocalDateTime.now().format(ID_TIME) + "-" + counter.incrementAndGet();
        InProcessRun run = new InProcessRun(id, config, workspace.resolve(id));
        runs.add(run);
        worker.submit(() -> execute(run));
        return run;
    }

    private void execute(InProcessRun run) {
        if (!run.start()) {
            return;
        }
        try {
            LoadedData loaded = data.load(Path.of(run.config().data()));
            Files.createDirectories(run.directory());
            RunConfigJson.write(run.config(), run.directory().resolve(RunRecorder.CONFIG));
            try (RunRecorder recorder = new RunRecorder(run.directory())) {
                new Trainer(run.config(), loaded)
                        .checkpointTo(run.directory().resolve(RunRecorder.CHECKPOINT))
                        .run(Listeners.of(recorder, run.history(), run.events()), run.control());
            }
        } catch (IOException | RuntimeException e) {
            Failures.debug(e);
            run.events().onStatus(RunStatus.FAILED, Failures.describe(e));
        }
    }

    @Override
    public List<RunHandle> runs() {
        return List.copyOf(runs);
    }

    @Override
    public String describeDevice() {
        Engine engine = Engine.getInstance();
        return (engine.getGpuCount() > 0 ? engine.getGpuCount() + " GPU(s)" : "CPU") + ", "
                + engine.getEngineName() + " " + engine.getVersion();
    }

    @Override
    public void close() {
        for (RunHandle run : runs) {
            run.stop();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the last data set loaded: successive runs on the same folder skip decoding it again. */
    private static final class DataCache {
        private Path path;
        private LoadedData loaded;

        synchronized LoadedData load(Path dir) throws IOException {
            Path key = dir.toAbsolutePath().normalize();
            if (!key.equals(path)) {
                loaded = DataSets.load(dir);
                path = key;
            }
            return loaded;
        }
    }
}
