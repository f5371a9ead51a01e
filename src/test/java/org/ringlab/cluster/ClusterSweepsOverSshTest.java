package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.sweep.SweepGrid;

/**
 * Sending, following, copying and importing through a real sshd on this machine, with a stand-in
 * for the remote {@code ringlab} that answers the sweep commands from files the test writes (the
 * real Slurm executor is exercised by ClusterSweepEndToEndTest where a test Slurm runs).
 */
class ClusterSweepsOverSshTest {
    private static final String FAKE_RINGLAB = """
            #!/bin/sh
            # stands in for 'ringlab sweep --executor slurm' and 'ringlab sweep status DIR --json'
            # like the real one: exit 3 while some runs are still to come
            if [ "$1 $2" = "sweep status" ]; then cat "$3/status.json"; grep -q '"state":"running"\\|"state":"pending"' "$3/status.json" && exit 3; exit 0; fi
            out=""; prev=""
            for a in "$@"; do [ "$prev" = "--out-dir" ] && out="$a"; prev="$a"; done
            printf '%s\\n' "$@" > "$out/args.txt"
            echo '{"job":"77"}' > "$out/sweep.json"
            echo "2 run(s) into $out"
            echo "submitted job 77"
            """;

    @TempDir
    Path tmp;
    private SshTarget target;

    @BeforeEach
    void needsTheTestSshd() {
        target = new SshTarget("ringlab-test", 0, TestSshd.configOrSkip());
    }

    private Path fakeRinglab() throws IOException {
        Path script = tmp.resolve("bin/ringlab");
        Files.createDirectories(script.getParent());
        Files.writeString(script, FAKE_RINGLAB);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static void run(Path sweep, String name, String status, int epochs) throws IOException {
        Path dir = Files.createDirectories(sweep.resolve(name));
        StringBuilder csv = new StringBuilder("epoch,step\n");
        for (int e = 1; e <= epochs; e++) {
            csv.append(e).append(',').append(e * 10).append('\n');
        }
        Files.writeString(dir.resolve("metrics.csv"), csv);
        Files.writeString(dir.resolve("run.json"), "{\"status\":\"" + status + "\"}");
        Files.writeString(dir.resolve("resume.ckpt"), "stays there");
    }

    private static void status(Path sweep, String stateA, int epochA, String stateB) throws IOException {
        Files.writeString(sweep.resolve("status.json"), "{\"job\":\"77\",\"runs\":["
                + "{\"index\":0,\"name\":\"mlp-ring-triangle4-s1\",\"dir\":\"" + sweep + "/mlp-ring-triangle4-s1\","
                + "\"state\":\"" + stateA + "\",\"epoch\":" + epochA + ",\"epochs\":2,\"reason\":null,\"slurm\":\"RUNNING\"},"
                + "{\"index\":1,\"name\":\"mlp-ring-triangle4-s2\",\"dir\":\"" + sweep + "/mlp-ring-triangle4-s2\","
                + "\"state\":\"" + stateB + "\",\"epoch\":0,\"epochs\":2,\"reason\":null,\"slurm\":\"PENDING\"}]}");
    }

    /** Records what the follower imported and what it reported. */
    private static final class Recorder implements RunsImport, ClusterSweeps.Listener {
        final Map<String, Long> ids = new HashMap<>();
        final List<String> copiedMetrics = new ArrayList<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public synchronized Map<String, Long> importRuns(Path copy, SweepStatus status) throws IOException {
            Map<String, Long> out = new HashMap<>();
            for (SweepStatus.Run r : status.runs()) {
                Path metrics = copy.resolve(r.folderName()).resolve("metrics.csv");
                if (Files.isRegularFile(metrics)) {
                    copiedMetrics.add(r.name() + ":" + Files.readAllLines(metrics).size());
                    out.put(r.name(), ids.computeIfAbsent(r.name(), n -> (long) ids.size() + 1));
                }
            }
            return out;
        }

        @Override
        public void progressed(ClusterSweep sweep, SweepStatus status, Map<String, Long> imported) {
            events.add("progressed " + status.summary() + " imported " + new java.util.TreeMap<>(imported));
        }

        @Override
        public void failed(ClusterSweep sweep, String message) {
            events.add("failed " + message);
        }

        @Override
        public void ended(ClusterSweep sweep, SweepStatus status) {
            events.add("ended " + status.summary());
        }

        String next() throws InterruptedException {
            String e = events.poll(30, TimeUnit.SECONDS);
            return e == null ? "nothing within 30 s" : e;
        }
    }

    @Test
    void sendFollowCopyImportAndFollowAgainAfterARestart() throws Exception {
        Path ringlab = fakeRinglab();
        Path remote = Files.createDirectories(tmp.resolve("cluster home/sweeps/mnist 1"));
        Path workspace = tmp.resolve("workspace");
        SweepGrid grid = new SweepGrid(List.of("ring"), List.of("triangle"), List.of(4), List.of(), List.of(1L, 2L));
        ClusterSweepRequest request = new ClusterSweepRequest(ringlab.toString(), remote.toString(), grid,
                "{\"data\": \"/scratch/mnist\"}\n", new SlurmOptions("debug", "gpu:1", "", 0, "", 1,
                        List.of("--comment=two words")));
        Recorder recorder = new Recorder();

        ClusterSweep sweep;
        try (ClusterSweeps sweeps = new ClusterSweeps(workspace, recorder, Duration.ofMillis(200))) {
            sweep = sweeps.submit(target, request);
            assertEquals("77", sweep.job());
            assertEquals("{\"data\": \"/scratch/mnist\"}\n", Files.readString(remote.resolve("base.json")));
            // every argument arrived as one word through ssh and the remote shell
            assertEquals(request.submitCommand().subList(1, request.submitCommand().size()),
                    Files.readAllLines(remote.resolve("args.txt")));
            assertTrue(Files.isRegularFile(workspace.resolve("cluster-sweeps/77-mnist_1.json")), "recorded");
            ClusterSweepRequest again = new ClusterSweepRequest(ringlab.toString(), remote.toString(), grid, "{}",
                    SlurmOptions.none());
            var twice = org.junit.jupiter.api.Assertions.assertThrows(SshException.class, () -> sweeps.submit(target, again));
            assertEquals("ringlab-test: sh failed (exit 3): " + remote + " already holds a sweep (sweep.json); choose "
                    + "another remote sweep folder", twice.getMessage());
            assertEquals("{\"data\": \"/scratch/mnist\"}\n", Files.readString(remote.resolve("base.json")),
                    "the sweep already there keeps its base.json");

            run(remote, "mlp-ring-triangle4-s1", "running", 1);
            status(remote, "running", 1, "pending");
            sweeps.follow(sweep, recorder);
            assertEquals("progressed 2 runs of job 77: 1 running, 1 pending imported {mlp-ring-triangle4-s1=1}",
                    recorder.next());
            assertTrue(Files.isRegularFile(sweep.local().resolve("mlp-ring-triangle4-s1/metrics.csv")));
            assertFalse(Files.exists(sweep.local().resolve("mlp-ring-triangle4-s1/resume.ckpt")));
        }
        // the window closed: following stopped, the sweep itself goes on; a new window follows it again
        recorder.events.clear();
        run(remote, "mlp-ring-triangle4-s1", "finished", 2);
        run(remote, "mlp-ring-triangle4-s2", "finished", 2);
        status(remote, "finished", 2, "finished");
        try (ClusterSweeps again = new ClusterSweeps(workspace, recorder, Duration.ofMillis(200))) {
            List<String> problems = new ArrayList<>();
            assertEquals(List.of("77-mnist_1"), again.resumeAll(recorder, problems).stream().map(ClusterSweep::key).toList());
            assertEquals(List.of(), problems);
            assertEquals("progressed 2 runs of job 77: 2 finished imported {mlp-ring-triangle4-s1=1, mlp-ring-triangle4-s2=2}",
                    recorder.next());
            assertEquals("ended 2 runs of job 77: 2 finished", recorder.next());
            assertTrue(recorder.copiedMetrics.contains("mlp-ring-triangle4-s1:3"), "the copy moved on: "
                    + recorder.copiedMetrics);
            assertTrue(again.resumeAll(recorder, problems).isEmpty(), "an ended sweep is not followed again");
        }
    }

    /** A sweep folder mounted on this machine is read where it is: no rsync copy. */
    @Test
    void aMountedSweepFolderIsReadInPlace() throws Exception {
        Path ringlab = fakeRinglab();
        Path remote = Files.createDirectories(tmp.resolve("mounted/sweep"));
        Recorder recorder = new Recorder();
        try (ClusterSweeps sweeps = new ClusterSweeps(tmp.resolve("workspace"), recorder, Duration.ofMillis(200))) {
            ClusterSweep sweep = sweeps.submit(target, new ClusterSweepRequest(ringlab.toString(), remote.toString(),
                    new SweepGrid(List.of(), List.of(), List.of(), List.of(), List.of()), "{}", SlurmOptions.none()), remote);
            run(remote, "mlp-ring-triangle4-s1", "finished", 2);
            run(remote, "mlp-ring-triangle4-s2", "finished", 2);
            status(remote, "finished", 2, "finished");
            sweeps.follow(sweep, recorder);
            assertEquals("progressed 2 runs of job 77: 2 finished imported {mlp-ring-triangle4-s1=1, mlp-ring-triangle4-s2=2}",
                    recorder.next());
            assertEquals("ended 2 runs of job 77: 2 finished", recorder.next());
            assertEquals(remote, sweep.runsFolder());
            assertFalse(Files.exists(sweep.local()), "nothing was copied");
            List<String> problems = new ArrayList<>();
            assertEquals(remote, ClusterSweep.list(tmp.resolve("workspace"), problems).get(0).mounted(), "remembered");
        }
    }

    @Test
    void aRefusedKeyFailsTheSendWithOneLineAndRecordsNothing() {
        Path workspace = tmp.resolve("workspace");
        SshTarget wrong = new SshTarget("ringlab-test-wrong-key", 0, target.configFile());
        try (ClusterSweeps sweeps = new ClusterSweeps(workspace, null, Duration.ofSeconds(1))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(SshException.class, () -> sweeps.submit(wrong,
                    new ClusterSweepRequest("ringlab", "sweeps/x", new SweepGrid(List.of(), List.of(), List.of(),
                            List.of(), List.of()), "{}", SlurmOptions.none())));
            assertEquals("ssh: could not connect to ringlab-test-wrong-key: Permission denied (publickey)", e.getMessage());
        }
        assertFalse(Files.exists(workspace.resolve("cluster-sweeps")));
    }
}
