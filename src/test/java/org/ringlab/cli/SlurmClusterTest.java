package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.store.RunStore;
import org.ringlab.store.RunSummary;
import org.ringlab.train.RunStatus;

/**
 * Sweeps on a real Slurm cluster: the one scripts/test-cluster/start-slurm.sh starts on this machine
 * (controller and two node daemons, one fake GPU each), found through RINGLAB_TEST_SLURM_CONF
 * (.ci/run sets it). Every ringlab command runs as its own process through a launcher script, as on
 * a login node; the tasks run it on the "nodes". Skipped, saying so, when no cluster is running.
 */
class SlurmClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SWEEP_LIMIT = Duration.ofMinutes(4);

    private static Path slurmConf;

    @TempDir
    static Path shared;

    private static Path launcher;

    @BeforeAll
    static void cluster() throws IOException {
        String conf = System.getenv("RINGLAB_TEST_SLURM_CONF");
        if (conf == null || conf.isBlank() || !Files.isRegularFile(Path.of(conf))) {
            return;
        }
        slurmConf = Path.of(conf);
        // the "shared filesystem" must be readable by the node daemons: a folder under /tmp is
        launcher = shared.resolve("ringlab");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Dai.djl.offline=true -Dai.djl.pytorch.graph_optimizer=false -Dringlab.launcher=\"$0\" -cp '"
                + classPath + "' org.ringlab.cli.RingLabCli \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @BeforeEach
    void slurmIsRunning() {
        assumeTrue(slurmConf != null, "skipped: Slurm is not running (scripts/test-cluster/start-slurm.sh)");
    }

    /** The tiny MNIST runs every sweep here trains (a few seconds each); a flag in {@code more} replaces its default. */
    private static List<String> sweep(Path dir, String... more) {
        List<String> moreArgs = List.of(more);
        String[][] defaults = {{"--data", Cli.SAMPLE_DATA.toString()}, {"--model", "mlp"}, {"--limit-train", "512"},
            {"--limit-test", "256"}, {"--threads", "1"}, {"--bn-recal-batches", "2"}, {"--snapshot-every", "4"},
            {"--gres", "gpu:1"}, {"--time", "10:00"}};
        List<String> args = new ArrayList<>(List.of("sweep", "--executor", "slurm", "--out-dir", dir.toString()));
        for (String[] flag : defaults) {
            if (!moreArgs.contains(flag[0])) {
                args.addAll(List.of(flag));
            }
        }
        args.addAll(moreArgs);
        return args;
    }

    @Test
    void aFourRunSweepIsSubmittedFollowedToTheEndImportedAndCompared() throws Exception {
        Path dir = shared.resolve("four");
        Output submit = ringlab(sweep(dir, "--methods", "fp32,ring", "--ring-sizes", "4", "--seeds", "1,2",
                "--epochs", "2", "--max-parallel", "2"));
        assertEquals(0, submit.code(), submit.text());
        String job = jobId(submit);
        // the array, its logs and one run folder per point, each with its configuration
        JsonNode manifest = JSON.readTree(dir.resolve("sweep.json").toFile());
        assertEquals(job, manifest.path("job").asText());
        assertEquals(4, manifest.path("runs").size());

        JsonNode status = follow(dir, s -> allIn(s, "finished"));
        List<String> names = new ArrayList<>();
        for (JsonNode run : status.path("runs")) {
            names.add(run.path("name").asText());
            assertEquals(2, run.path("epoch").asInt(), run.toString());
            assertEquals(2, run.path("epochs").asInt(), run.toString());
            assertTrue(run.path("reason").isNull(), run.toString());
        }
        assertEquals(List.of("mlp-fp32-s1", "mlp-fp32-s2", "mlp-ring-triangle4-s1", "mlp-ring-triangle4-s2"), names);
        Output text = ringlab(List.of("sweep", "status", dir.toString()));
        assertEquals(0, text.code(), text.text());
        assertTrue(text.text().startsWith("job " + job + ": 4 run(s), 4 finished"), text.text());
        // each task got its (fake) GPU: Slurm set CUDA_VISIBLE_DEVICES for --gres=gpu:1
        for (int i = 0; i < 4; i++) {
            String log = Files.readString(dir.resolve("logs").resolve(i + ".log"));
            assertTrue(log.contains("CUDA_VISIBLE_DEVICES=0") && log.contains("finished: finished 2 epochs"), log);
        }

        Path workspace = shared.resolve("workspace");
        Output imported = ringlab(List.of("import-runs", dir.toString(), "--workspace", workspace.toString()));
        assertEquals(0, imported.code(), imported.text());
        assertTrue(imported.text().contains("4 imported, 0 updated, 0 unchanged"), imported.text());
        Output again = ringlab(List.of("import-runs", dir.toString(), "--workspace", workspace.toString()));
        assertTrue(again.text().contains("0 imported, 0 updated, 4 unchanged"), again.text());
        try (RunStore store = RunStore.open(workspace)) {
            List<RunSummary> runs = store.listRuns();
            assertEquals(4, runs.size());
            for (RunSummary r : runs) {
                assertEquals(RunStatus.FINISHED, r.status(), r.toString());
                assertEquals(2, r.epochsDone(), r.toString());
                String last = Files.readAllLines(dir.resolve(r.name()).resolve("metrics.csv")).get(2);
                assertEquals(Double.parseDouble(last.split(",", -1)[4]), r.lastTestAccSoft(), 1e-3, r.toString());
            }
        }
        // a copy of the sweep folder on a machine without Slurm (the desktop after rsync): statuses from the files
        Path copy = shared.resolve("copy-of-four");
        assertEquals(0, exec(List.of("cp", "-r", dir.toString(), copy.toString()), Map.of()).code());
        List<String> importCopy = List.of(launcher.toString(), "import-runs", copy.toString(), "--workspace",
                shared.resolve("desktop").toString());
        Output desktop = exec(importCopy, Map.of("PATH", shared.resolve("no-slurm-here").toString()));
        assertEquals(0, desktop.code(), desktop.text());
        assertTrue(desktop.text().contains("squeue not found") && desktop.text().contains("4 imported"), desktop.text());
        assertTrue(desktop.text().contains("mlp-fp32-s1: run 1, imported (2 epoch(s), finished)"), desktop.text());

        Output compare = ringlab(List.of("compare", "--runs-dir", dir.toString()));
        assertEquals(0, compare.code(), compare.text());
        List<String> rows = compare.text().lines().filter(l -> l.startsWith("| mlp-")).toList();
        assertEquals(2, rows.size(), compare.text());
        assertTrue(rows.get(0).startsWith("| mlp-fp32-s1, mlp-fp32-s2 |"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| mlp-ring-triangle4-s1, mlp-ring-triangle4-s2 |"), rows.get(1));
    }

    @Test
    void aFailingTaskEndsWithItsReasonWhileTheOthersFinish() throws Exception {
        Path dir = shared.resolve("failing");
        // held, so that one point's data can go missing before any task starts (as when a node lacks a mount)
        Output submit = ringlab(sweep(dir, "--methods", "fp32", "--seeds", "1,2,3", "--epochs", "1",
                "--sbatch-arg=--hold"));
        assertEquals(0, submit.code(), submit.text());
        String job = jobId(submit);
        Path config = dir.resolve("mlp-fp32-s2").resolve("config.json");
        ObjectNode json = (ObjectNode) JSON.readTree(config.toFile());
        json.put("data", shared.resolve("no-such-data").toString());
        Files.writeString(config, json.toString());
        assertEquals(0, slurm("scontrol", "release", job).code());

        JsonNode status = follow(dir, s -> allEnded(s));
        JsonNode runs = status.path("runs");
        assertEquals("finished", runs.get(0).path("state").asText(), runs.toString());
        assertEquals("failed", runs.get(1).path("state").asText(), runs.toString());
        assertEquals("finished", runs.get(2).path("state").asText(), runs.toString());
        String reason = runs.get(1).path("reason").asText();
        assertTrue(reason.contains(shared.resolve("no-such-data").toString()), reason);
        Output text = ringlab(List.of("sweep", "status", dir.toString()));
        assertTrue(text.text().contains("reason: " + reason), text.text());
    }

    @Test
    void aCancelledSweepSaysSo() throws Exception {
        Path dir = shared.resolve("cancel");
        Output submit = ringlab(sweep(dir, "--methods", "fp32", "--seeds", "1,2", "--epochs", "1",
                "--sbatch-arg=--hold"));
        assertEquals(0, submit.code(), submit.text());
        JsonNode held = follow(dir, s -> true);
        assertTrue(allIn(held, "pending"), held.toString());
        Output cancel = ringlab(List.of("sweep", "cancel", dir.toString()));
        assertEquals(0, cancel.code(), cancel.text());
        assertTrue(cancel.text().startsWith("cancelled job " + jobId(submit)), cancel.text());
        JsonNode cancelled = follow(dir, s -> allIn(s, "cancelled"));
        assertEquals("CANCELLED", cancelled.path("runs").get(0).path("slurm").asText(), cancelled.toString());
    }

    /**
     * Two interruptions of one run: {@code scontrol requeue} (what preemption does), then Slurm's
     * warning signal before the time limit ({@code --signal=B:USR2@120}, sent here at once with
     * {@code scancel --signal=USR2 --batch}), on which the task stops and requeues itself. Each time
     * the run resumes from its checkpoint with the next epoch.
     */
    @Test
    void aRequeuedTaskResumesFromItsCheckpointWithContinuousEpochs() throws Exception {
        Path dir = shared.resolve("requeue");
        int epochs = 7;
        Output submit = ringlab(sweep(dir, "--methods", "fp32", "--seeds", "1", "--epochs", Integer.toString(epochs),
                "--limit-train", "8192"));
        assertEquals(0, submit.code(), submit.text());
        String task = jobId(submit) + "_0";
        Path run = dir.resolve("mlp-fp32-s1");

        // 1. requeued by Slurm once it has checkpointed two epochs
        int firstStop = awaitEpoch(run, 2);
        assertTrue(firstStop < epochs, "the run ended before it could be requeued");
        assertEquals(0, slurm("scontrol", "requeue", task).code());
        JsonNode requeued = follow(dir, s -> "requeued".equals(s.path("runs").get(0).path("state").asText()));
        assertEquals("PENDING", requeued.path("runs").get(0).path("slurm").asText(), requeued.toString());
        // Slurm holds a requeued job back for about two minutes (BeginTime); let it start now
        assertEquals(0, slurm("scontrol", "update", "JobId=" + task, "StartTime=now").code());

        // 2. the time-limit warning two epochs later: the batch script stops the run and requeues the task
        int secondStop = awaitEpoch(run, firstStop + 2);
        assertTrue(secondStop < epochs, "the run ended before the warning signal");
        assertEquals(0, slurm("scancel", "--signal=USR2", "--batch", task).code());
        follow(dir, s -> "requeued".equals(s.path("runs").get(0).path("state").asText()));
        assertEquals(0, slurm("scontrol", "update", "JobId=" + task, "StartTime=now").code());

        JsonNode done = follow(dir, s -> allIn(s, "finished"));
        assertEquals(epochs, done.path("runs").get(0).path("epoch").asInt(), done.toString());
        // every epoch once, steps continuing: nothing trained twice, nothing skipped
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(epochs + 1, rows.size(), String.join("\n", rows));
        int stepsPerEpoch = Integer.parseInt(rows.get(1).split(",", -1)[1]);
        for (int e = 1; e <= epochs; e++) {
            String[] f = rows.get(e).split(",", -1);
            assertEquals(e, Integer.parseInt(f[0]), rows.get(e));
            assertEquals(e * stepsPerEpoch, Integer.parseInt(f[1]), "step after epoch " + e + ": " + rows.get(e));
        }
        JsonNode info = JSON.readTree(run.resolve("run.json").toFile());
        assertEquals("finished", info.path("status").asText());
        assertEquals(2, info.path("resumed").asInt(), info.toString());
        Matcher resumed = Pattern.compile("resumed from resume\\.ckpt after epoch (\\d+), step (\\d+)")
                .matcher(info.path("info").toString());
        List<Integer> resumedAfter = new ArrayList<>();
        while (resumed.find()) {
            resumedAfter.add(Integer.parseInt(resumed.group(1)));
            assertEquals(resumedAfter.get(resumedAfter.size() - 1) * stepsPerEpoch, Integer.parseInt(resumed.group(2)));
        }
        assertEquals(2, resumedAfter.size(), info.toString());
        assertTrue(resumedAfter.get(0) >= firstStop && resumedAfter.get(1) >= secondStop, resumedAfter + " after stops at "
                + firstStop + " and " + secondStop);
        JsonNode taskFile = JSON.readTree(run.resolve("task.json").toFile());
        assertEquals(2, taskFile.path("restarts").asInt(), taskFile.toString());
        String log = Files.readString(dir.resolve("logs").resolve("0.log"));
        assertTrue(log.contains("restart 2") && log.contains("stopped on the warning signal; requeueing it")
                && log.contains("resuming after epoch " + resumedAfter.get(1)), log);
    }

    /** Waits (reading the task's status file) until the run has recorded at least {@code epoch} epochs. */
    private static int awaitEpoch(Path run, int epoch) throws Exception {
        long deadline = System.nanoTime() + SWEEP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode task = JSON.readTree(run.resolve("task.json").toFile());
                if ("running".equals(task.path("state").asText()) && task.path("epoch").asInt() >= epoch) {
                    return task.path("epoch").asInt();
                }
            } catch (IOException e) {
                // not written yet
            }
            Thread.sleep(100);
        }
        fail("the run in " + run + " did not reach epoch " + epoch);
        return -1;
    }

    private static String jobId(Output submit) {
        List<String> lines = submit.text().strip().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("submitted job \\d+"), submit.text());
        return last.substring("submitted job ".length());
    }

    private static boolean allIn(JsonNode status, String state) {
        for (JsonNode r : status.path("runs")) {
            if (!state.equals(r.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allEnded(JsonNode status) {
        for (JsonNode r : status.path("runs")) {
            if (!List.of("finished", "failed", "cancelled").contains(r.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Polls {@code sweep status --json} until {@code until} holds; fails on a failed run not waited for. */
    private static JsonNode follow(Path dir, Predicate<JsonNode> until) throws Exception {
        long deadline = System.nanoTime() + SWEEP_LIMIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Output o = ringlab(List.of("sweep", "status", dir.toString(), "--json"));
            assertEquals(0, o.code(), o.text());
            last = JSON.readTree(o.text());
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        fail("the sweep in " + dir + " did not get there within " + SWEEP_LIMIT.toSeconds() + " s; last status:\n"
                + last + "\nlogs:\n" + logs(dir));
        return null;
    }

    private static String logs(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.sorted().toList()) {
                all.append("== ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return all.toString();
    }

    private record Output(int code, String text) {
    }

    private static Output ringlab(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        return exec(command);
    }

    private static Output slurm(String... command) throws Exception {
        return exec(List.of(command));
    }

    private static Output exec(List<String> command) throws Exception {
        return exec(command, Map.of());
    }

    private static Output exec(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(Map.of("SLURM_CONF", slurmConf.toString()));
        pb.environment().putAll(environment);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not end within 60 s");
        }
        Output o = new Output(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        assertNotNull(o.text());
        return o;
    }
}
