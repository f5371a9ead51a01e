package org.ringlab.sweep.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * {@code task.json} in a run folder: what the Slurm task training it last said about it. Written by
 * the task itself (atomically), so it is there even where the cluster keeps no accounting and
 * squeue has long forgotten the job.
 *
 * @param state "running", "finished", "failed" or "stopped" (by a signal: time limit, preemption,
 *     requeue, cancel; the run's checkpoint is kept)
 * @param epoch epochs recorded so far
 * @param epochs epochs configured
 * @param reason why it failed or stopped; null otherwise
 * @param restarts how often Slurm restarted the task (SLURM_RESTART_COUNT)
 * @param host the node it runs or ran on
 * @param updated when the task last wrote the file
 */
public record TaskStatus(String state, int epoch, int epochs, String reason, int restarts, String host,
        String updated) {
    public static final String FILE = "task.json";
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String FAILED = "failed";
    public static final String STOPPED = "stopped";

    private static final ObjectMapper JSON = new ObjectMapper();

    public static TaskStatus now(String state, int epoch, int epochs, String reason, int restarts, String host) {
        return new TaskStatus(state, epoch, epochs, reason, restarts, host, Instant.now().toString());
    }

    public void write(Path runDir) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("state", state);
        o.put("epoch", epoch);
        o.put("epochs", epochs);
        o.put("reason", reason);
        o.put("restarts", restarts);
        o.put("host", host);
        o.put("updated", updated);
        Path tmp = runDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
        Files.move(tmp, runDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The status the run folder holds, or null when the task has not written one yet. */
    public static TaskStatus read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        JsonNode o;
        try {
            o = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return null;
        } catch (IOException e) {
            throw new IOException(file + ": not a task status (" + e.getMessage().lines().findFirst().orElse("") + ")",
                    e);
        }
        if (o == null || !o.path("state").isTextual()) {
            throw new IOException(file + ": not a task status (no state)");
        }
        return new TaskStatus(o.get("state").asText(), o.path("epoch").asInt(), o.path("epochs").asInt(),
                o.path("reason").isTextual() ? o.get("reason").asText() : null, o.path("restarts").asInt(),
                o.path("host").asText(""), o.path("updated").asText(""));
    }
}
