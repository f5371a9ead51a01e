package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm commands' refusals and the run-folder import, without a cluster (SlurmClusterTest
 * runs them against a real one): each refusal one line, exit code 2, nothing submitted.
 */
class SlurmSweepCommandTest {
    @TempDir
    Path tmp;

    private List<String> sweep(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("sweep", "--executor", "slurm", "--data", Cli.SAMPLE_DATA.toString(),
                "--model", "mlp", "--methods", "fp32", "--seeds", "1,2", "--out-dir", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void badSlurmSettingsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = tmp.resolve("s");
        Path launcher = Files.createFile(tmp.resolve("ringlab"));
        assertTrue(launcher.toFile().setExecutable(true));
        List<String> pbs = sweep(out);
        pbs.set(pbs.indexOf("slurm"), "pbs");
        assertEquals("ringlab: --executor 'pbs': local or slurm", Cli.run(pbs.toArray(String[]::new)).assertUsageError());
        assertEquals("ringlab: --gres is a Slurm option: add --executor slurm, or leave it out for a local sweep",
                Cli.run("sweep", "--out-dir", out.toString(), "--gres", "gpu:1").assertUsageError());
        assertEquals("ringlab: --max-parallel must be at least 1, not 0",
                Cli.run(sweep(out, "--max-parallel", "0", "--ringlab", launcher.toString()).toArray(String[]::new))
                        .assertUsageError());
        String noLauncher = Cli.run(sweep(out).toArray(String[]::new)).assertUsageError();
        assertTrue(noLauncher.startsWith("ringlab: --ringlab: name the ringlab launcher"), noLauncher);
        String notExecutable = Cli.run(sweep(out, "--ringlab", tmp.resolve("nope").toString()).toArray(String[]::new))
                .assertUsageError();
        assertTrue(notExecutable.endsWith("nope: not an executable file"), notExecutable);
        assertFalse(Files.exists(out), "nothing written");
        Files.createDirectories(out);
        Files.writeString(out.resolve("sweep.json"), "{}");
        String again = Cli.run(sweep(out, "--ringlab", launcher.toString()).toArray(String[]::new)).assertUsageError();
        assertTrue(again.contains("already holds a submitted sweep"), again);
        String status = Cli.run("sweep", "status", tmp.toString()).assertUsageError();
        assertTrue(status.contains("sweep.json: no such file"), status);
        String notManifest = Cli.run("sweep", "cancel", out.toString()).assertUsageError();
        assertTrue(notManifest.contains("not a sweep manifest"), notManifest);
    }

    /** A login node without Slurm: one line saying so, and the folder it had started is gone again. */
    @Test
    void withoutSbatchTheSubmissionSaysWhereItIsAndLeavesNothing() throws Exception {
        Path out = tmp.resolve("nosbatch");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.ringlab.cli.RingLabCli"));
        command.addAll(sweep(out, "--ringlab", "/bin/true"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", tmp.toString());
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(RingLabCli.USAGE, p.exitValue(), text);
        assertEquals("ringlab: sbatch not found: is this a Slurm login node?", text.strip());
        assertFalse(Files.exists(out), "the run folders it wrote are removed again");
    }

    @Test
    void importRunsBringsAFolderOfRunsIntoAStoreOnce() {
        Path runs = tmp.resolve("runs");
        assertEquals(0, Cli.run(Cli.tinyTrain(runs.resolve("a"))).code());
        Path ws = tmp.resolve("ws");
        Cli.Result first = Cli.run("import-runs", runs.toString(), "--workspace", ws.toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("a: run 1, imported (1 epoch(s), finished)"), first.out());
        Cli.Result second = Cli.run("import-runs", runs.toString(), "--workspace", ws.toString());
        assertTrue(second.out().contains("0 imported, 0 updated, 1 unchanged"), second.out());
        Cli.Result listed = Cli.run("runs", "--workspace", ws.toString());
        assertEquals(1, listed.out().lines().filter(l -> l.contains("finished")).count(), listed.out());
    }
}
