package org.ringlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingListener;

/**
 * A second JVM recording into a workspace, for the tests that kill it with SIGKILL: {@code train}
 * trains {@link #trainConfig the config} through the store, {@code events} writes synthetic events as fast as
 * it can. Both run until killed (or, for {@code train}, the run ends).
 */
public final class ChildProcess {
    /** MLP ring-8, 10 steps per epoch, slowed to ~40 ms a step so that a kill lands mid-epoch. */
    static RunConfig trainConfig(Path repo) {
        return RunConfig.defaults().toBuilder().data(repo.resolve("sample-data").toString()).model(ModelKind.MLP)
                .limitTrain(640).limitTest(200).batchSize(64).testBatchSize(200).epochs(3).snapshotEvery(3)
                .bnRecalBatches(2).checkpointEvery(1).build();
    }

    static final long STEP_DELAY_MILLIS = 40;

    public static void main(String[] args) throws Exception {
        Path ws = Path.of(args[0]);
        try (RunStore store = RunStore.open(ws)) {
            if (args[1].equals("lock")) {
                // holds run args[2] as its trainer would, until killed
                RunLock lock = store.lock(Long.parseLong(args[2]));
                System.out.println("locked " + lock.runId() + " by " + ProcessHandle.current().pid());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            } else if (args[1].equals("train")) {
                Path repo = Path.of(System.getProperty("ringlab.repo", "."));
                RunConfig config = trainConfig(repo);
                LoadedData data = DataSets.load(Path.of(config.data()));
                long id = store.createRun(config, "killed", "cpu()");
                TrainingListener slow = new TrainingListener() {
                    @Override
                    public void onStep(StepMetrics step) {
                        try {
                            Thread.sleep(STEP_DELAY_MILLIS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
                new StoredTraining(store).train(id, data, new RunControl(), slow);
            } else {
                long id = store.createRun(RunStoreTest.CONFIG, "events", "cpu()");
                try (StoreRecorder r = store.recorder(id)) {
                    r.onStatus(RunStatus.RUNNING, "training");
                    for (int step = 1; ; step++) {
                        int epoch = (step - 1) / 500 + 1;
                        r.onStep(new StepMetrics(step, epoch, (step - 1) % 500 + 1, 500, 1.0 / step, 50, 1e-3));
                        if (step % 50 == 0) {
                            r.onSnapshot(RunStoreTest.snapshot(step, epoch));
                        }
                        if (step % 500 == 0) {
                            r.onEpoch(new EpochMetrics(epoch, step, 0.5, 60, 70, 50, 65, 1e-3, 1e5, 0.01, 0.01 * epoch));
                        }
                        if (step % 1000 == 0) {
                            r.onInfo("step " + step);
                        }
                    }
                }
            }
        }
    }

    /** Starts this class in a new JVM with the test JVM's classpath and engine settings. */
    static Process start(Path ws, String mode, Path log, String... more) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", classpath));
        for (String p : List.of("ai.djl.offline", "ai.djl.pytorch.graph_optimizer", "ringlab.repo")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=error");
        cmd.addAll(List.of(ChildProcess.class.getName(), ws.toString(), mode));
        cmd.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // as Surefire runs the tests (pom.xml): freed tensors stay in the heap
        env.putIfAbsent("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=1073741824");
        return pb.start();
    }

    /** Polls until the condition holds; fails naming what the child printed. */
    static void await(Process child, Path log, long seconds, String what, BooleanSupplier condition)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("child " + (child.isAlive() ? "timed out" : "exited " + child.exitValue())
                        + " before " + what + "; its output:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
    }

    static void killHard(Process child) throws InterruptedException {
        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no finally blocks
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not die");
        }
    }
}
