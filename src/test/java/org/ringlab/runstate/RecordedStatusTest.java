package org.ringlab.runstate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.tables.RunTable;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/**
 * A run folder whose process died without a word (SIGKILL, the kernel's OOM killer, a native
 * abort) is read back as interrupted, never as the "running" its run.json was left with.
 */
class RecordedStatusTest {

    private static Path runJson(Path dir, String status, String owner) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(RunRecorder.RUN_INFO);
        Files.writeString(file, "{\"status\": \"" + status + "\", \"message\": \"training\""
                + (owner == null ? "" : ", \"owner\": \"" + owner + "\"") + "}");
        return file;
    }

    /** The owner string of a process that existed and was SIGKILLed. */
    private static String killedOwner() throws Exception {
        Process p = new ProcessBuilder("sleep", "60").start();
        String start = p.info().startInstant().map(Instant::toString).orElse("");
        String host = Owner.current().split("@", 3)[1];
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return p.pid() + "@" + host + "@" + start;
    }

    @Test
    void aDeadOwnersActiveRunIsInterruptedWithTheReason(@TempDir Path dir) throws Exception {
        String owner = killedOwner();
        for (String active : List.of("pending", "running", "paused")) {
            RecordedStatus s = RecordedStatus.read(runJson(dir.resolve(active), active, owner));
            assertEquals("interrupted", s.status());
            assertTrue(s.message().contains("the process " + owner) && s.message().contains("is gone"), s.message());
        }
        // ended runs keep what they say
        assertEquals("finished", RecordedStatus.read(runJson(dir.resolve("f"), "finished", owner)).status());
        assertEquals("diverged", RecordedStatus.read(runJson(dir.resolve("d"), "diverged", owner)).status());
    }

    @Test
    void aLiveOwnersRunAndAnOwnerlessOldRunKeepTheirStatus(@TempDir Path dir) throws Exception {
        assertEquals("running", RecordedStatus.read(runJson(dir.resolve("a"), "running", Owner.current())).status());
        assertEquals("running", RecordedStatus.read(runJson(dir.resolve("b"), "running", null)).status());
    }

    @Test
    void theActiveIdsAreRunStatusIds() {
        Set<String> active = Arrays.stream(RunStatus.values()).filter(s -> !s.isTerminal()).map(RunStatus::id)
                .collect(Collectors.toSet());
        assertEquals(active, RecordedStatus.ACTIVE);
        assertEquals(RunStatus.INTERRUPTED.id(), RecordedStatus.INTERRUPTED);
    }

    /** As `ringlab train` leaves a folder when the kernel kills it: run.json "running", no word. */
    @Test
    void aRecordingProcessKilledHardIsFoundInterruptedByTheTables(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classpath, RecordingChild.class.getName(), run.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!(Files.exists(run.resolve(RunRecorder.RUN_INFO))
                    && Files.readString(run.resolve(RunRecorder.RUN_INFO)).contains("\"running\""))) {
                assertTrue(child.isAlive() && System.nanoTime() < deadline, "the child did not start recording");
                Thread.sleep(20);
            }
            RunConfigJson.write(RunConfig.defaults(), run.resolve(RunRecorder.CONFIG));
            assertEquals("running", RunTable.read(List.of(run)).runs().get(0).status());
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.readString(run.resolve(RunRecorder.RUN_INFO)).contains("\"running\""),
                "the file itself still says running");
        assertEquals("interrupted", RunTable.read(List.of(run)).runs().get(0).status());
    }
}
