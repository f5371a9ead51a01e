package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.sweep.SweepGrid;

/** The remote sweep's command line and the job id in its answer. */
class ClusterSweepRequestTest {
    private static final SweepGrid GRID = new SweepGrid(List.of("ring", "twn"), List.of("triangle"), List.of(4, 8),
            List.of(), List.of(1L, 2L));

    @Test
    void submitCarriesTheGridAndTheSlurmOptions() {
        SlurmOptions slurm = new SlurmOptions("gpu", "gpu:1", "24:00:00", 8, "32G", 16, List.of("--qos=long", " "));
        ClusterSweepRequest r = new ClusterSweepRequest("~/ringlab-cli/bin/ringlab", "~/sweeps/mnist 1/", GRID, "{}",
                slurm);
        assertEquals(List.of("ringlab-cli/bin/ringlab", "sweep", "--executor", "slurm", "--config",
                "sweeps/mnist 1/base.json", "--out-dir", "sweeps/mnist 1", "--methods", "ring,twn", "--ring-types",
                "triangle", "--ring-sizes", "4,8", "--seeds", "1,2", "--partition", "gpu", "--gres", "gpu:1", "--time",
                "24:00:00", "--cpus-per-task", "8", "--mem", "32G", "--max-parallel", "16", "--sbatch-arg=--qos=long"),
                r.submitCommand());
        String line = ShellQuote.join(r.submitCommand());
        assertTrue(line.startsWith("ringlab-cli/bin/ringlab sweep --executor slurm --config 'sweeps/mnist 1/base.json' "
                + "--out-dir 'sweeps/mnist 1' --methods ring,twn "), line);
    }

    @Test
    void blankSlurmOptionsAreLeftToTheCluster() {
        ClusterSweepRequest r = new ClusterSweepRequest("/opt/ringlab/bin/ringlab", "/scratch/s", new SweepGrid(
                List.of(), List.of(), List.of(), List.of(), List.of()), "{}", SlurmOptions.none());
        assertEquals(List.of("/opt/ringlab/bin/ringlab", "sweep", "--executor", "slurm", "--config", "/scratch/s/base.json",
                "--out-dir", "/scratch/s"), r.submitCommand());
        assertEquals(List.of("/opt/ringlab/bin/ringlab", "sweep", "status", "/scratch/s", "--json"),
                ClusterSweepRequest.statusCommand("/opt/ringlab/bin/ringlab", "/scratch/s"));
    }

    @Test
    void missingFieldsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new ClusterSweepRequest(" ", "s", GRID, "{}", SlurmOptions.none()));
        assertEquals("remote ringlab: empty (the path of ringlab-cli/bin/ringlab on the login host)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClusterSweepRequest("r", "", GRID, "{}", SlurmOptions.none()));
        assertThrows(IllegalArgumentException.class, () -> new SlurmOptions("", "", "", -1, "", 0, List.of()));
    }

    @Test
    void theJobIdIsOnTheLastLine() {
        assertEquals("4711", ClusterSweepRequest.jobId("4 run(s) into s\nsubmitted job 4711\n"));
        var e = assertThrows(SshException.class, () -> ClusterSweepRequest.jobId("sbatch: error: invalid partition\n"));
        assertEquals("the remote sweep did not say which job it submitted (its last line: "
                + "'sbatch: error: invalid partition')", e.getMessage());
    }
}
