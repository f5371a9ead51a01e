package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.cluster.RunsImport;
import org.ringlab.cluster.SweepStatus;
import org.ringlab.cluster.TestSshd;
import org.ringlab.config.RunConfig;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.store.RunStore;
import org.ringlab.train.RunStatus;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window opened on a workspace that recorded a cluster sweep follows it again over SSH (the test
 * sshd; a stand-in remote ringlab answers "sweep status" from a file) and lists its runs with
 * their Slurm state, replacing each run in place as it moves on.
 */
@ExtendWith(ApplicationExtension.class)
class ClusterRunsListTest {
    private static final String FAKE_RINGLAB = "#!/bin/sh\n[ \"$1 $2\" = \"sweep status\" ] && cat \"$3/status.json\"\n";

    @TempDir
    static Path tmp;
    private static Path remote;

    private InProcessTrainingService service;
    private PastRuns pastRuns;

    private static void status(String state, int epoch, String slurm) throws IOException {
        Files.writeString(remote.resolve("status.json"), "{\"job\":\"77\",\"runs\":[{\"index\":0,"
                + "\"name\":\"mlp-ring-triangle4-s1\",\"dir\":\"" + remote + "/mlp-ring-triangle4-s1\",\"state\":\""
                + state + "\",\"epoch\":" + epoch + ",\"epochs\":2,\"reason\":null,\"slurm\":\"" + slurm + "\"}]}");
    }

    private static Path config;

    // before the extension's @Start: an assumption that fails inside @Start is reported as an error
    @BeforeAll
    static void needsTheTestSshd() {
        config = TestSshd.configOrSkip();
    }

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("ringlab.cluster.poll-seconds", "1");
        Path ringlab = tmp.resolve("ringlab");
        Files.writeString(ringlab, FAKE_RINGLAB);
        Files.setPosixFilePermissions(ringlab, PosixFilePermissions.fromString("rwx------"));
        remote = Files.createDirectories(tmp.resolve("cluster/sweep"));
        Files.createDirectories(remote.resolve("mlp-ring-triangle4-s1"));
        Files.writeString(remote.resolve("mlp-ring-triangle4-s1/metrics.csv"), "epoch,step\n1,10\n");
        status("running", 1, "RUNNING");
        // what an earlier window recorded when it sent the sweep
        Path workspace = tmp.resolve("workspace");
        Files.createDirectories(workspace.resolve("cluster-sweeps"));
        Files.writeString(workspace.resolve("cluster-sweeps/77-sweep.json"), "{\"host\":\"ringlab-test\",\"port\":0,"
                + "\"ssh-config\":\"" + config + "\",\"ringlab\":\"" + ringlab + "\",\"remote-dir\":\"" + remote
                + "\",\"job\":\"77\",\"ended\":false}");
        RunStore store = RunStore.open(workspace);
        pastRuns = new PastRuns(store, storeImport(store));
        service = new InProcessTrainingService(tmp.resolve("local runs"));
        Scene scene = RingLabApp.createScene(service, pastRuns, null);
        stage.setScene(scene);
        stage.show();
    }

    /** Stands in for the run-folder import: one store run per copied folder, its status as the cluster says. */
    private static RunsImport storeImport(RunStore store) {
        Map<String, Long> ids = new ConcurrentHashMap<>();
        return (copy, status) -> {
            for (SweepStatus.Run r : status.runs()) {
                if (Files.isRegularFile(copy.resolve(r.folderName()).resolve("metrics.csv"))) {
                    long id = ids.computeIfAbsent(r.name(), n -> store.createRun(RunConfig.defaults(), n, "slurm"));
                    store.updateStatus(id, "finished".equals(r.state()) ? RunStatus.FINISHED : RunStatus.RUNNING,
                            r.describe());
                }
            }
            return Map.copyOf(ids);
        };
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> ((MainController) robot.lookup("#runsList").query().getScene().getRoot().getProperties()
                .get(MainController.class)).closeCluster());
        service.close();
        pastRuns.close();
        System.clearProperty("ringlab.cluster.poll-seconds");
    }

    @Test
    void aRecordedSweepIsFollowedAgainAndItsRunsListedWithTheirSlurmState(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<LiveRun> runs = (ListView<LiveRun>) robot.lookup("#runsList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mlp-ring-triangle4-s1 — running · epoch 1/2 · slurm RUNNING",
                runs.getItems().get(0).summary());

        robot.interact(() -> runs.getSelectionModel().select(0));
        Files.writeString(remote.resolve("mlp-ring-triangle4-s1/metrics.csv"), "epoch,step\n1,10\n2,20\n");
        status("finished", 2, "COMPLETED");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> runs.getItems().get(0).summary().contains("COMPLETED"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("mlp-ring-triangle4-s1 — finished · slurm COMPLETED"),
                runs.getItems().stream().map(LiveRun::summary).toList(), "replaced in place, not listed twice");
        assertTrue(runs.getSelectionModel().getSelectedItem().summary().contains("COMPLETED"), "still selected");
        assertTrue(Files.readString(tmp.resolve("workspace/cluster-sweeps/77-sweep.json")).contains("\"ended\" : true"));
    }
}
