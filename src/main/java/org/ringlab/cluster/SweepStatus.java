package org.ringlab.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code ringlab sweep status DIR --json} printed: the job and one entry per run.
 *
 * @param job the Slurm job id of the sweep's job array
 */
public record SweepStatus(String job, List<Run> runs) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** States after which a run changes no more. */
    private static final Set<String> ENDED = Set.of("finished", "failed", "cancelled");

    /**
     * One run of the sweep.
     *
     * @param dir its folder on the cluster
     * @param state pending, running, finished, failed, requeued or cancelled
     * @param epoch the epochs it has finished; 0 before the first
     * @param reason why it failed or was cancelled; null otherwise
     * @param slurm Slurm's own word for the task (RUNNING, PENDING, COMPLETED…); null when Slurm no longer knows it
     */
    public record Run(int index, String name, String dir, String state, int epoch, int epochs, String reason,
            String slurm) {
        public boolean ended() {
            return ENDED.contains(state);
        }

        /** The run's folder name, the same in the sweep's folder on the cluster and in its local copy. */
        public String folderName() {
            if (dir == null || dir.isBlank()) {
                return name;
            }
            String d = dir.replaceAll("/+$", "");
            return d.substring(d.lastIndexOf('/') + 1);
        }

        /** "running · epoch 2/3 · slurm RUNNING": the state and {@link #details}. */
        public String describe() {
            String d = details();
            return d.isEmpty() ? state : state + " · " + d;
        }

        /** What the state alone does not say: "epoch 2/3 · slurm RUNNING", a failure's reason. */
        public String details() {
            List<String> parts = new ArrayList<>();
            if ("running".equals(state) || "requeued".equals(state)) {
                parts.add("epoch " + epoch + "/" + epochs);
            }
            if (slurm != null && !slurm.isBlank()) {
                parts.add("slurm " + slurm);
            }
            if (reason != null && !reason.isBlank()) {
                parts.add(reason);
            }
            return String.join(" · ", parts);
        }
    }

    public SweepStatus {
        runs = List.copyOf(runs);
    }

    /** Whether every run has ended (the follower then stops). */
    public boolean ended() {
        return !runs.isEmpty() && runs.stream().allMatch(Run::ended);
    }

    public long count(String state) {
        return runs.stream().filter(r -> r.state().equals(state)).count();
    }

    /** "4 runs: 1 finished, 2 running, 1 pending" for the message bar. */
    public String summary() {
        StringBuilder s = new StringBuilder(runs.size() + " run" + (runs.size() == 1 ? "" : "s") + " of job " + job + ":");
        String sep = " ";
        for (String state : List.of("finished", "running", "requeued", "pending", "failed", "cancelled")) {
            long n = count(state);
            if (n > 0) {
                s.append(sep).append(n).append(' ').append(state);
                sep = ", ";
            }
        }
        return s.toString();
    }

    /**
     * Reads the JSON, tolerating keys it does not know (a newer remote ringlab).
     *
     * @throws SshException naming what is wrong when it is not a sweep status
     */
    public static SweepStatus parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new SshException("sweep status: not JSON (" + firstLine(json) + ")", e);
        }
        if (root == null || !root.isObject() || !root.path("runs").isArray()) {
            throw new SshException("sweep status: no \"runs\" list in the answer (" + firstLine(json) + ")");
        }
        List<Run> runs = new ArrayList<>();
        for (JsonNode r : root.get("runs")) {
            String name = text(r, "name");
            String state = text(r, "state");
            if (name == null || state == null) {
                throw new SshException("sweep status: a run without \"name\" or \"state\" (" + firstLine(r.toString()) + ")");
            }
            runs.add(new Run(r.path("index").asInt(runs.size()), name, text(r, "dir"), state, r.path("epoch").asInt(0),
                    r.path("epochs").asInt(0), text(r, "reason"), text(r, "slurm")));
        }
        return new SweepStatus(root.path("job").asText(""), runs);
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("empty");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }
}
