package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.store.RunStore;
import org.ringlab.store.RunSummary;
import org.ringlab.sweep.SweepGrid;

/**
 * The whole path from the desktop's side, against the real thing: a 4-run sweep of tiny MNIST runs
 * submitted through the test sshd (start-sshd.sh) to the test Slurm (start-slurm.sh), followed to
 * the end over one SSH connection, its run folders copied back with rsync and imported into a
 * workspace's run store with {@code ringlab import-runs}. The login host and the cluster are this
 * machine, so a temp folder is the "shared filesystem".
 */
class ClusterSweepEndToEndTest {
    private static final Path SAMPLE_DATA =
            Path.of(System.getProperty("ringlab.repo", ".")).toAbsolutePath().resolve("sample-data");
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path shared;
    private SshTarget target;
    private Path launcher;

    @BeforeEach
    void needsSshdAndSlurm() throws IOException {
        target = new SshTarget("ringlab-test", 0, TestSshd.configOrSkip());
        String conf = System.getenv("RINGLAB_TEST_SLURM_CONF");
        assumeTrue(conf != null && !conf.isBlank() && Files.isRegularFile(Path.of(conf)),
                "skipped: Slurm is not running (scripts/test-cluster/start-slurm.sh)");
        try (SshConnection ssh = new SshConnection(target)) {
            String seen = ssh.run(List.of("sh", "-c", "echo \"$SLURM_CONF\""), Duration.ofSeconds(30)).strip();
            assertEquals(conf, seen, "start the test sshd after start-slurm.sh with SLURM_CONF set, so that its "
                    + "sessions reach the test Slurm");
        }
        // the node's ringlab: this build's classes (the CLI distribution holds the same)
        launcher = shared.resolve("ringlab");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false -Dringlab.launcher=\"$0\" -cp '"
                + classPath + "' org.ringlab.cli.RingLabCli \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code ringlab import-runs FOLDER --workspace W} for each run folder copied so far; the ids from the store. */
    private RunsImport importWith(Path workspace) {
        return (copy, status) -> {
            for (SweepStatus.Run r : status.runs()) {
                Path run = copy.resolve(r.folderName());
                if (Files.isRegularFile(run.resolve("metrics.csv"))) {
                    Process p = new ProcessBuilder(launcher.toString(), "import-runs", run.toString(), "--workspace",
                            workspace.toString()).redirectErrorStream(true).start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    try {
                        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, out);
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
            }
            Map<String, Long> ids = new HashMap<>();
            try (RunStore store = RunStore.open(workspace)) {
                store.listRuns().forEach(s -> ids.put(s.name(), s.id()));
            }
            return ids;
        };
    }

    @Test
    void aSweepSentOverSshIsFollowedCopiedAndImported() throws Exception {
        Path desktop = shared.resolve("desktop workspace");
        Path remote = shared.resolve("cluster/sweeps/four");
        RunConfig base = RunConfig.defaults().toBuilder().data(SAMPLE_DATA.toString()).model(ModelKind.MLP)
                .limitTrain(512).limitTest(256).threads(1).bnRecalBatches(2).snapshotEvery(4).epochs(2).build();
        ClusterSweepRequest request = new ClusterSweepRequest(launcher.toString(), remote.toString(),
                new SweepGrid(List.of("fp32", "ring"), List.of(), List.of(4), List.of(), List.of(1L, 2L)),
                RunConfigJson.toJson(base), new SlurmOptions("", "gpu:1", "10:00", 0, "", 2, List.of()));
        BlockingQueue<String> ended = new LinkedBlockingQueue<>();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClusterSweep sweep;
        try (ClusterSweeps sweeps = new ClusterSweeps(desktop, importWith(desktop), Duration.ofSeconds(2))) {
            sweep = sweeps.submit(target, request);
            assertTrue(sweep.job().matches("\\d+"), sweep.job());
            sweeps.follow(sweep, new ClusterSweeps.Listener() {
                @Override
                public void progressed(ClusterSweep s, SweepStatus status, Map<String, Long> imported) {
                }

                @Override
                public void failed(ClusterSweep s, String message) {
                    failures.add(message);
                }

                @Override
                public void ended(ClusterSweep s, SweepStatus status) {
                    ended.add(status.summary());
                }
            });
            String summary = ended.poll(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("4 runs of job " + sweep.job() + ": 4 finished", summary, "poll failures: " + failures);
        }
        Map<String, String> listed = new TreeMap<>();
        try (RunStore store = RunStore.open(desktop)) {
            for (RunSummary s : store.listRuns()) {
                listed.put(s.name(), s.status().id() + " " + store.load(s.id()).epochs().size());
            }
        }
        assertEquals(Map.of("mlp-fp32-s1", "finished 2", "mlp-fp32-s2", "finished 2", "mlp-ring-triangle4-s1",
                "finished 2", "mlp-ring-triangle4-s2", "finished 2"), listed);
        for (String name : listed.keySet()) {
            assertEquals(3, Files.readAllLines(sweep.local().resolve(name).resolve("metrics.csv")).size(), name);
        }
        assertTrue(Files.readString(sweep.file()).contains("\"ended\" : true"), "not followed again after a restart");
    }
}
