package org.ringlab.cluster;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.sweep.SweepGrid;

/**
 * A sweep to submit on a login host: the remote {@code ringlab}, the sweep's folder there (on the
 * shared filesystem the nodes see), the grid, the base configuration (JSON, its data path already
 * the cluster's) and the Slurm options. It builds the remote command lines; running them is
 * {@link ClusterSweeps}' job.
 *
 * @param ringlab the remote launcher, e.g. "ringlab-cli/bin/ringlab" (relative to the home folder) or an absolute path
 * @param remoteDir the sweep's folder on the cluster; created by the sweep
 */
public record ClusterSweepRequest(String ringlab, String remoteDir, SweepGrid grid, String baseConfigJson,
        SlurmOptions slurm) {
    /** The base configuration's file, beside the sweep's own sweep.json. */
    public static final String BASE_CONFIG = "base.json";

    public ClusterSweepRequest {
        ringlab = ringlab == null ? "" : ringlab.strip();
        remoteDir = remoteDir == null ? "" : remoteDir.strip();
        if (ringlab.isEmpty()) {
            throw new IllegalArgumentException("remote ringlab: empty (the path of ringlab-cli/bin/ringlab on the login host)");
        }
        if (remoteDir.isEmpty()) {
            throw new IllegalArgumentException("remote sweep folder: empty (a folder on the cluster's shared filesystem)");
        }
        if (remoteDir.endsWith("/")) {
            remoteDir = remoteDir.replaceAll("/+$", "");
        }
    }

    /** The launcher as the remote shell runs it ("~/" means the home folder, which a quoted word would not expand). */
    String launcher() {
        return SshConnection.remotePath(ringlab);
    }

    String dir() {
        return SshConnection.remotePath(remoteDir);
    }

    String baseConfigFile() {
        return dir() + "/" + BASE_CONFIG;
    }

    /** {@code ringlab sweep --executor slurm …}, one argument per element. */
    public List<String> submitCommand() {
        List<String> a = new ArrayList<>(List.of(launcher(), "sweep", "--executor", "slurm", "--config",
                baseConfigFile(), "--out-dir", dir()));
        axis(a, "--methods", grid.methods());
        axis(a, "--ring-types", grid.ringTypes());
        axis(a, "--ring-sizes", grid.ringSizes());
        axis(a, "--bit-widths", grid.bits());
        axis(a, "--seeds", grid.seeds());
        a.addAll(slurm.cliArgs());
        return a;
    }

    private static void axis(List<String> a, String option, List<?> values) {
        if (!values.isEmpty()) {
            a.add(option);
            a.add(String.join(",", values.stream().map(String::valueOf).toList()));
        }
    }

    /** {@code sweep status} exits 0 once every run ended, 3 while some are still to come. */
    public static final java.util.Set<Integer> STATUS_EXITS = java.util.Set.of(0, 3);

    /** {@code ringlab sweep status DIR --json}. */
    public static List<String> statusCommand(String ringlab, String remoteDir) {
        return List.of(SshConnection.remotePath(ringlab), "sweep", "status", SshConnection.remotePath(remoteDir), "--json");
    }

    /**
     * The job id from the submit command's output: its last line reads "submitted job ID".
     *
     * @throws SshException quoting that line when it does not
     */
    public static String jobId(String output) {
        String[] lines = output.strip().split("\\R", -1);
        String last = lines[lines.length - 1].strip();
        if (!last.matches("submitted job \\S+")) {
            throw new SshException("the remote sweep did not say which job it submitted (its last line: '"
                    + (last.length() > 200 ? last.substring(0, 200) + "…" : last) + "')");
        }
        return last.substring("submitted job ".length());
    }
}
