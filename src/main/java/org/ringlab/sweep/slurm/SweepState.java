package org.ringlab.sweep.slurm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where a Slurm sweep stands: one {@link RunState} per task.
 *
 * @param job the array job's id
 */
public record SweepState(String job, List<RunState> runs) {
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String REQUEUED = "requeued";
    public static final String CANCELLED = "cancelled";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One run.
     *
     * @param state pending, running, finished, failed, requeued or cancelled
     * @param epoch epochs recorded so far (0 before the first)
     * @param epochs epochs configured (0 when the run's config.json cannot be read)
     * @param reason why it failed; null otherwise
     * @param slurm what squeue (or else sacct) says of the task; null when neither knows it any more
     */
    public record RunState(int index, String name, String dir, String state, int epoch, int epochs, String reason,
            String slurm) {
        public boolean ended() {
            return FINISHED.equals(state) || FAILED.equals(state) || CANCELLED.equals(state);
        }
    }

    public SweepState {
        runs = List.copyOf(runs);
    }

    /** Whether every run has ended (finished, failed or cancelled): nothing more will change. */
    public boolean ended() {
        return runs.stream().allMatch(RunState::ended);
    }

    /**
     * One run's state from everything known of it. The task's own file decides a run that ended
     * (finished, failed); the queue decides one that is waiting or running; a task gone from the
     * queue without saying it finished failed, with Slurm's reason where sacct gives one.
     *
     * @param configuredEpochs the run's epochs as its config.json says (0 when unreadable)
     * @param queued squeue's state, or null when squeue does not list the task
     * @param reason squeue's reason (BeginTime, Resources, ...)
     * @param accounted sacct's state, or null without accounting
     * @param file the task's status file, or null before it first ran
     * @param cancelled whether the sweep was cancelled
     */
    static RunState merge(SweepManifest.Run run, int configuredEpochs, String queued, String reason, String accounted,
            TaskStatus file, boolean cancelled) {
        String slurm = queued != null ? queued : accounted;
        int epoch = file == null ? 0 : file.epoch();
        int epochs = file == null || file.epochs() == 0 ? configuredEpochs : file.epochs();
        String state;
        String why = null;
        if (file != null && TaskStatus.FINISHED.equals(file.state())) {
            state = FINISHED;
        } else if (file != null && TaskStatus.FAILED.equals(file.state())) {
            state = FAILED;
            why = file.reason();
        } else if (queued != null) {
            if (SlurmSweep.waiting(queued)) {
                // it ran before (it wrote a status), or Slurm says so: waiting to resume
                boolean again = file != null || queued.startsWith("REQUEUE") || reason.contains("BeginTime");
                state = again ? REQUEUED : PENDING;
            } else {
                state = RUNNING;
            }
        } else if (cancelled || (accounted != null && accounted.startsWith("CANCELLED"))) {
            state = CANCELLED;
        } else if (accounted != null && SlurmSweep.slurmFailure(accounted)) {
            state = FAILED;
            why = "Slurm ended the task: " + accounted + (file == null ? " (before it started training)"
                    : " at epoch " + file.epoch() + "/" + file.epochs());
        } else if (accounted != null && !"COMPLETED".equals(accounted)) {
            // known to sacct but not yet to squeue's listing: treat as still queued
            state = SlurmSweep.waiting(accounted) ? PENDING : RUNNING;
        } else {
            state = FAILED;
            why = file == null ? "the task ended without starting its run (see " + SlurmSweep.LOGS + "/"
                    + run.index() + ".log in the sweep folder)"
                    : "the task ended at epoch " + file.epoch() + "/" + file.epochs() + " without finishing"
                            + (file.reason() != null ? " (" + file.reason() + ")" : "") + "; see " + SlurmSweep.LOGS
                            + "/" + run.index() + ".log in the sweep folder";
        }
        return new RunState(run.index(), run.name(), run.dir().toString(), state, epoch, epochs, why, slurm);
    }

    /** {"job": …, "runs": [{index, name, dir, state, epoch, epochs, reason, slurm}]} */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("job", job);
        ArrayNode array = root.putArray("runs");
        for (RunState r : runs) {
            ObjectNode o = array.addObject();
            o.put("index", r.index());
            o.put("name", r.name());
            o.put("dir", r.dir());
            o.put("state", r.state());
            o.put("epoch", r.epoch());
            o.put("epochs", r.epochs());
            o.put("reason", r.reason());
            o.put("slurm", r.slurm());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
