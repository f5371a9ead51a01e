package org.ringlab.ui.compare;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.ringlab.cluster.ClusterSweepRequest;
import org.ringlab.cluster.SlurmOptions;
import org.ringlab.cluster.SshTarget;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.sweep.SweepGrid;
import org.ringlab.sweep.SweepPlan;
import org.ringlab.sweep.SweepPoint;

/**
 * The Sweep dialog's fields for a Slurm cluster reached over SSH: the login host, the remote
 * ringlab and sweep folder, the data folder as the nodes see it, and what each task asks Slurm for.
 */
final class ClusterForm {
    /** An ssh config file other than ~/.ssh/config (tests, a separate setup); unset uses the user's. */
    static final String SSH_CONFIG_PROPERTY = "ringlab.ssh.config";

    final TextField host = field("clusterHost", "", "login1, user@host or a ~/.ssh/config alias");
    final TextField ringlab = field("clusterRinglab", "ringlab-cli/bin/ringlab", "");
    final TextField folder = field("clusterFolder", "ringlab-sweeps/sweep-"
            + LocalDateTime.now(java.time.ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")), "");
    final TextField data = field("clusterData", "", "the data folder as the nodes see it");
    final TextField partition = field("clusterPartition", "", "default");
    final TextField gres = field("clusterGres", "", "e.g. gpu:1");
    final TextField time = field("clusterTime", "", "e.g. 24:00:00");
    final TextField cpus = field("clusterCpus", "", "default");
    final TextField mem = field("clusterMem", "", "e.g. 32G");
    final TextField maxAtOnce = field("clusterMaxAtOnce", "", "all");
    final TextField sbatchArgs = field("clusterSbatchArgs", "", "further sbatch arguments, space-separated");
    final TextField mounted = field("clusterMounted", "", "blank: copied here with rsync");
    private final GridPane pane = new GridPane();
    private boolean sending;

    ClusterForm() {
        pane.setId("clusterForm");
        pane.setHgap(8);
        pane.setVgap(6);
        pane.addRow(0, new Label("Login host"), host, new Label("Partition"), partition);
        pane.addRow(1, new Label("Remote ringlab"), ringlab, new Label("GPUs (--gres)"), gres);
        pane.addRow(2, new Label("Remote sweep folder"), folder, new Label("Time limit"), time);
        pane.addRow(3, new Label("Data on the cluster"), data, new Label("CPUs per task"), cpus);
        pane.addRow(4, new Label("sbatch arguments"), sbatchArgs, new Label("Memory"), mem);
        pane.addRow(5, new Label("Mounted here"), mounted, new Label("Max at once"), maxAtOnce);
        for (TextField f : List.of(partition, gres, time, cpus, mem, maxAtOnce)) {
            f.setPrefColumnCount(8);
        }
        for (TextField f : List.of(host, ringlab, folder, data, sbatchArgs, mounted)) {
            f.setPrefColumnCount(22);
        }
    }

    private static TextField field(String id, String text, String prompt) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPromptText(prompt);
        return f;
    }

    GridPane pane() {
        return pane;
    }

    /** Fills the data field from the run setup the first time the cluster is chosen. */
    void suggestData(RunConfig base) {
        if (data.getText().isBlank() && base != null && base.data() != null) {
            data.setText(base.data());
        }
    }

    /** The login host as typed; null with a line in {@code errors} when it is not one. */
    SshTarget target(List<String> errors) {
        String config = System.getProperty(SSH_CONFIG_PROPERTY);
        try {
            return SshTarget.parse(host.getText(), config == null || config.isBlank() ? null : Path.of(config));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    /** The sweep folder as mounted here, or null to copy it; a mount whose parent is missing goes to {@code errors}. */
    Path mountedFolder(List<String> errors) {
        String t = mounted.getText().strip();
        if (t.isEmpty()) {
            return null;
        }
        Path p = Path.of(t).toAbsolutePath();
        if (p.getParent() == null || !java.nio.file.Files.isDirectory(p.getParent())) {
            errors.add("mounted here: " + p.getParent() + " is not a folder on this machine (the mount of the sweep "
                    + "folder's parent)");
            return null;
        }
        return p;
    }

    /** The sweep to send; null with the problems in {@code errors}. */
    ClusterSweepRequest request(SweepGrid grid, RunConfig base, List<String> errors) {
        if (data.getText().isBlank()) {
            errors.add("data on the cluster: empty (the data folder as the cluster's nodes see it)");
        }
        int cpusPerTask = whole(cpus, "CPUs per task", errors);
        int max = whole(maxAtOnce, "max at once", errors);
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            SlurmOptions slurm = new SlurmOptions(partition.getText(), gres.getText(), time.getText(), cpusPerTask,
                    mem.getText(), max, Arrays.asList(sbatchArgs.getText().strip().split("\\s+")));
            String json = RunConfigJson.toJson(base.toBuilder().out(null).data(data.getText().strip()).build());
            return new ClusterSweepRequest(ringlab.getText(), folder.getText(), grid, json, slurm);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    private static int whole(TextField field, String what, List<String> errors) {
        String t = field.getText().strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            int v = Integer.parseInt(t);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(what + ": '" + t + "' is not a positive whole number");
        return 0;
    }

    /** Every field, for tests. */
    List<TextField> fields() {
        return new ArrayList<>(List.of(host, ringlab, folder, data, partition, gres, time, cpus, mem, maxAtOnce,
                sbatchArgs, mounted));
    }

    /**
     * Checks the grid (its data lives on the cluster, so the local data checks are left out) and
     * the cluster fields, then hands the sweep to the sender, which answers later.
     *
     * @return the runs sent (0 when anything is wrong; the dialog then lists the problems)
     */
    int send(List<SweepPoint> points, SweepGrid grid, RunConfig base, ClusterSender sender, Label count,
            Label problems, Runnable changed) {
        List<String> errors = new ArrayList<>();
        SweepPlan plan = SweepPlan.of(points, null);
        errors.addAll(plan.problems());
        SshTarget target = target(errors);
        Path mount = mountedFolder(errors);
        ClusterSweepRequest request = request(grid, base, errors);
        if (!errors.isEmpty() || target == null || request == null) {
            problems.setText(String.join("\n", errors));
            return 0;
        }
        int n = plan.runs().size();
        sending = true;
        changed.run();
        problems.setText("");
        count.setText("sending " + n + " run" + (n == 1 ? "" : "s") + " to " + target + "…");
        sender.send(target, request, mount, failure -> {
            sending = false;
            changed.run();
            if (failure != null) {
                problems.setText(failure);
                count.setText("not sent");
                return;
            }
            count.setText("sent " + n + " run" + (n == 1 ? "" : "s") + " to " + target + "; the Runs list follows them");
        });
        return n;
    }

    boolean sending() {
        return sending;
    }
}
