package org.ringlab.sweep.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is sent to Slurm and how its answers are read, with the tools replaced by recorded answers
 * (SlurmClusterTest runs the real ones); and the tool runner's own limits, with real processes.
 */
class SlurmSweepTest {
    @TempDir
    Path tmp;

    /** Answers each call with the next prepared result and records the command. */
    private static final class Recorded extends SlurmTools {
        final List<List<String>> calls = new ArrayList<>();
        final Deque<Result> answers = new ArrayDeque<>();

        Recorded answer(int code, String out, String err) {
            answers.add(new Result(code, out, err));
            return this;
        }

        @Override
        public Result run(List<String> command) {
            calls.add(command);
            return answers.isEmpty() ? new Result(0, "", "") : answers.poll();
        }
    }

    private List<SweepManifest.Run> runs(int n) throws Exception {
        List<SweepManifest.Run> runs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path dir = Files.createDirectories(tmp.resolve("run" + i));
            Files.writeString(dir.resolve("config.json"), "{\"epochs\": 3}");
            runs.add(new SweepManifest.Run(i, "run" + i, dir));
        }
        return runs;
    }

    @Test
    void submitsOneArrayWithTheWarningSignalRequeueAndTheUsersOptions() throws Exception {
        Recorded tools = new Recorded().answer(0, "4711;cluster\n", "");
        SlurmOptions options = new SlurmOptions("gpu", "gpu:a100:1", "24:00:00", 8, "32G", 16,
                List.of("--account=lab"));
        SweepManifest m = new SlurmSweep(tools).submit(tmp, Path.of("/home/u/ringlab-cli/bin/ringlab"), runs(4), options);
        assertEquals("4711", m.job());
        List<String> sbatch = tools.calls.get(0);
        assertEquals("sbatch", sbatch.get(0));
        for (String arg : List.of("--parsable", "--array=0-3%16", "--requeue", "--signal=B:USR2@120",
                "--open-mode=append", "--partition=gpu", "--gres=gpu:a100:1", "--time=24:00:00", "--cpus-per-task=8",
                "--mem=32G", "--account=lab", "--output=" + tmp.resolve("logs").resolve("%a.log"))) {
            assertTrue(sbatch.contains(arg), arg + " in " + sbatch);
        }
        assertEquals(tmp.resolve(BatchScript.FILE).toString(), sbatch.get(sbatch.size() - 1));
        String script = Files.readString(tmp.resolve(BatchScript.FILE));
        assertTrue(script.contains("ringlab='/home/u/ringlab-cli/bin/ringlab'") && script.contains("trap 'warned=1;"),
                script);
        // the manifest is what status, cancel and import read back
        SweepManifest read = SweepManifest.read(tmp);
        assertEquals("4711", read.job());
        assertEquals(tmp.resolve("run3"), read.run(3).dir());
    }

    @Test
    void aRefusalIsOneLineAndWritesNoManifest() throws Exception {
        Recorded tools = new Recorded().answer(1, "", "sbatch: error: invalid partition specified: gpux\n"
                + "sbatch: error: Batch job submission failed: Invalid partition name specified\n");
        SlurmOptions options = new SlurmOptions("gpux", null, null, null, null, null, List.of());
        SlurmException e = assertThrows(SlurmException.class,
                () -> new SlurmSweep(tools).submit(tmp, Path.of("/x/ringlab"), runs(1), options));
        assertEquals("sbatch refused the sweep: sbatch: error: invalid partition specified: gpux", e.getMessage());
        assertFalse(Files.exists(SweepManifest.file(tmp)));
    }

    @Test
    void statusReadsSqueueAndSacctPerTask() throws Exception {
        new SweepManifest("77", "/x/ringlab", "now", runs(3)).write(tmp);
        TaskStatus.now("running", 1, 3, null, 0, "n2").write(tmp.resolve("run1"));
        TaskStatus.now("finished", 3, 3, null, 0, "n1").write(tmp.resolve("run0"));
        Recorded tools = new Recorded()
                .answer(0, "77_1|RUNNING|None\n77_2|PENDING|Resources\n", "")
                .answer(1, "", "Slurm accounting storage is disabled\n");
        SweepState s = new SlurmSweep(tools).status(tmp);
        assertEquals(List.of("finished", "running", "pending"), s.runs().stream().map(SweepState.RunState::state).toList());
        assertEquals(1, s.runs().get(1).epoch());
        assertEquals(List.of("squeue", "-h", "-r", "-t", "all", "-j", "77", "-o", "%i|%T|%r"), tools.calls.get(0));
        // squeue has forgotten the job (MinJobAge) and sacct keeps no accounting: the files alone
        Recorded forgotten = new Recorded().answer(1, "", "slurm_load_jobs error: Invalid job id specified\n")
                .answer(0, "", "");
        SweepState later = new SlurmSweep(forgotten).status(tmp);
        assertEquals("finished", later.runs().get(0).state());
        assertEquals("failed", later.runs().get(1).state());
        // a controller that does not answer is an error, not "everything failed"
        Recorded down = new Recorded().answer(1, "", "slurm_load_jobs error: Unable to contact slurm controller\n");
        SlurmException e = assertThrows(SlurmException.class, () -> new SlurmSweep(down).status(tmp));
        assertTrue(e.getMessage().contains("Unable to contact slurm controller"), e.getMessage());
    }

    @Test
    void aMissingToolSaysWhereWeAre() throws Exception {
        SlurmTools none = new SlurmTools(Map.of("PATH", tmp.toString()), Duration.ofSeconds(5));
        SlurmException e = assertThrows(SlurmException.class, () -> none.run(List.of("sbatch", "x")));
        assertEquals("sbatch not found: is this a Slurm login node?", e.getMessage());
    }

    @Test
    void aHangingToolIsKilledAtItsTimeLimitAndOutputIsBounded() throws Exception {
        Path tool = tmp.resolve("squeue");
        Files.writeString(tool, "#!/bin/sh\nif [ \"$1\" = hang ]; then exec sleep 30; fi\n"
                + "head -c 6000000 /dev/zero | tr '\\\\0' x\n");
        assertTrue(tool.toFile().setExecutable(true));
        SlurmTools tools = new SlurmTools(Map.of("PATH", tmp + ":/usr/bin:/bin"), Duration.ofMillis(1500));
        long t0 = System.nanoTime();
        SlurmException e = assertThrows(SlurmException.class, () -> tools.run(List.of("squeue", "hang")));
        assertTrue(e.getMessage().startsWith("squeue did not answer within"), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 10e9, "killed at its limit");
        SlurmTools.Result big = tools.run(List.of("squeue"));
        assertEquals(0, big.exitCode());
        assertEquals(SlurmTools.MAX_OUTPUT, big.out().length());
    }
}
