package org.ringlab.runstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A run folder's status as its run.json (written by train.RunRecorder) records it, made true: a run still "pending", "running" or
 * "paused" whose owning process is gone (killed, out of memory, a native abort) is reported
 * {@code interrupted}. Every reader of run.json goes through here; the file itself is left as it
 * is (a reader may look at a read-only copy).
 *
 * @param status the status id, e.g. "finished" or "interrupted"
 * @param message why, as recorded or as found
 */
public record RecordedStatus(String status, String message) {
    /** The ids of train.RunStatus a live run has (this package sits below train and the sweep). */
    static final Set<String> ACTIVE = Set.of("pending", "running", "paused");
    static final String INTERRUPTED = "interrupted";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @throws IOException naming the file when it is missing, is not JSON or has no status
     */
    public static RecordedStatus read(Path runJson) throws IOException {
        JsonNode info;
        try {
            info = JSON.readTree(Files.readString(runJson, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(runJson.toString(), null, "the run has no status file");
        } catch (JsonProcessingException e) {
            throw new IOException(runJson + ": malformed JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode status = info == null ? null : info.get("status");
        if (status == null || !status.isTextual()) {
            throw new IOException(runJson + ": no \"status\" text");
        }
        JsonNode message = info.get("message");
        JsonNode owner = info.get("owner");
        String id = status.asText();
        boolean active = ACTIVE.contains(id);
        // run folders written before run.json named its owner cannot be judged and keep their status
        if (active && owner != null && owner.isTextual() && !Owner.isAlive(owner.asText())) {
            return new RecordedStatus(INTERRUPTED, "interrupted: the process " + owner.asText()
                    + " that was training it is gone (killed, out of memory or crashed) while it was " + id);
        }
        return new RecordedStatus(id, message != null && message.isTextual() ? message.asText() : "");
    }
}
