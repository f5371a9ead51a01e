package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;

/** Over real gRPC: a worker that keeps only a few events in memory still gives a late client the whole run. */
class WorkerEventWindowTest {
    @TempDir
    Path workspace;

    @Test
    void aLateClientGetsTheSpooledHistory() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        WorkerServer.Tuning tiny = new WorkerServer.Tuning(WorkerServer.Tuning.DEFAULT.diskDeadline(),
                new RunEventLog.Window(4, 4096), log::add);
        try (WorkerServer server = WorkerServer.start("127.0.0.1", 0, null, workspace, null, null,
                DataRoots.of(List.of(Path.of(TinyRuns.tiny().data()))), tiny);
                RemoteTrainingService client = RemoteTrainingService.connect("127.0.0.1", server.port(), null, null)) {
            RunHandle run = client.submit(TinyRuns.tiny());
            TinyRuns.waitFor(() -> run.status().isTerminal(), "the run to end");
            assertEquals(RunStatus.FINISHED, run.status(), run.statusMessage());
            try (Stream<Path> spooled = Files.walk(workspace.resolve(EventSpool.FOLDER))) {
                assertEquals(1, spooled.filter(p -> p.toString().endsWith(".events")).count());
            }
            try (RemoteTrainingService late = RemoteTrainingService.connect("127.0.0.1", server.port(), null, null)) {
                RunHandle replayed = late.runs().get(0);
                // its status comes with the run list at once; the history follows on the event stream
                TinyRuns.waitFor(() -> replayed.history().epochs().size() == 2
                        && replayed.history().info().size() == run.history().info().size()
                        && replayed.history().snapshots().size() == run.history().snapshots().size(), "the replay");
                assertEquals(run.history().steps(), replayed.history().steps());
                assertEquals(run.history().epochs(), replayed.history().epochs());
                assertEquals(run.history().info(), replayed.history().info());
                assertEquals(run.history().snapshots().size(), replayed.history().snapshots().size());
                assertTrue(replayed.history().snapshots().size() > 4, "more snapshots than the window holds");
            }
            assertTrue(log.isEmpty(), log.toString());
        }
        assertTrue(Files.notExists(workspace.resolve(EventSpool.FOLDER)), "the spool goes with the worker");
    }
}
