package org.ringlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.cluster.ClusterSweepRequest;
import org.ringlab.cluster.SshTarget;
import org.ringlab.config.DataDescription;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Run on: Slurm cluster over SSH": the new fields become one request handed to the sender, nothing trained here. */
@ExtendWith(ApplicationExtension.class)
class SweepDialogClusterTest {
    private record Sent(SshTarget target, ClusterSweepRequest request, java.nio.file.Path mounted, Consumer<String> done) {
    }

    private final FakeService service = new FakeService();
    private final List<RunHandle> adopted = new CopyOnWriteArrayList<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final RunConfig base = RunConfig.defaults().toBuilder().data(System.getProperty("java.io.tmpdir"))
            .epochs(2).build();
    private SweepDialog dialog;

    @Start
    void start(Stage stage) {
        dialog = new SweepDialog(service, org.ringlab.ui.ServiceCalls.direct(), () -> base, (dir, size) -> new DataDescription("idx", 1, 28, 28, 10, 60000, 10000),
                adopted::add);
        stage.setScene(new Scene(dialog.content(), 760, 560));
        stage.show();
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void chooseCluster(FxRobot robot) {
        robot.interact(() -> dialog.sendWith((target, request, mounted, done) -> sent.add(new Sent(target, request, mounted,
                done))));
        robot.interact(() -> robot.lookup("#runOnBox").<ChoiceBox<String>>query().setValue(SweepDialog.CLUSTER));
    }

    @Test
    void withoutASenderThereIsNoChoice(FxRobot robot) {
        assertFalse(robot.lookup("#runOnBox").query().isVisible());
        assertFalse(robot.lookup("#clusterForm").query().isVisible());
    }

    @Test
    void theGridAndTheSlurmFieldsBecomeOneRequest(FxRobot robot) throws Exception {
        chooseCluster(robot);
        assertTrue(robot.lookup("#clusterForm").query().isVisible());
        assertEquals(System.getProperty("java.io.tmpdir"), robot.lookup("#clusterData").queryAs(TextField.class).getText(),
                "the setup's data folder is the first guess");
        set(robot, "#ringSizesField", "4,8");
        set(robot, "#seedsField", "1,2");
        set(robot, "#clusterHost", "alice@login1");
        set(robot, "#clusterRinglab", "~/ringlab-cli/bin/ringlab");
        set(robot, "#clusterFolder", "sweeps/mnist");
        set(robot, "#clusterData", "/scratch/alice/mnist");
        set(robot, "#clusterPartition", "gpu");
        set(robot, "#clusterGres", "gpu:1");
        set(robot, "#clusterTime", "01:00:00");
        set(robot, "#clusterCpus", "4");
        set(robot, "#clusterMem", "8G");
        set(robot, "#clusterMaxAtOnce", "2");
        set(robot, "#clusterSbatchArgs", "--qos=short  --account=lab");
        Button send = robot.lookup("#queueButton").queryAs(Button.class);
        assertEquals("Send 4 runs to the cluster", send.getText());
        robot.clickOn(send);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(service.submitted.isEmpty(), "nothing is trained on this machine");
        assertEquals(1, sent.size(), text(robot, "#sweepProblems"));
        Sent s = sent.get(0);
        assertEquals("alice@login1", s.target().destination());
        assertEquals(null, s.mounted(), "copied with rsync unless a mount is named");
        assertEquals(List.of("ringlab-cli/bin/ringlab", "sweep", "--executor", "slurm", "--config", "sweeps/mnist/base.json",
                "--out-dir", "sweeps/mnist", "--methods", "ring", "--ring-types", "triangle", "--ring-sizes", "4,8",
                "--bit-widths", "2,4", "--seeds", "1,2",
                "--partition", "gpu", "--gres", "gpu:1", "--time", "01:00:00", "--cpus-per-task", "4", "--mem", "8G",
                "--max-parallel", "2", "--sbatch-arg=--qos=short", "--sbatch-arg=--account=lab"),
                s.request().submitCommand());
        JsonNode json = new ObjectMapper().readTree(s.request().baseConfigJson());
        assertEquals("/scratch/alice/mnist", json.path("data").asText(), "the data path is the cluster's");
        assertTrue(json.path("out").isMissingNode() || json.path("out").isNull(), "the sweep names the run folders");
        assertEquals(2, json.path("epochs").asInt(), "every other setting comes from the run setup");
        assertEquals("sending 4 runs to alice@login1…", text(robot, "#sweepCount"));
        assertTrue(send.isDisabled(), "one send at a time");

        robot.interact(() -> s.done().accept(null));
        assertEquals("sent 4 runs to alice@login1; the Runs list follows them", text(robot, "#sweepCount"));
        assertFalse(send.isDisabled());
        assertTrue(adopted.isEmpty(), "the cluster's runs reach the runs list through the follower, not as local runs");
    }

    @Test
    void aFailureIsOneLineAndNothingIsSentFromBadFields(FxRobot robot) {
        chooseCluster(robot);
        set(robot, "#clusterHost", " ");
        set(robot, "#clusterCpus", "four");
        set(robot, "#clusterMounted", "/no/such/mount/sweep");
        robot.clickOn("#queueButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sent.isEmpty());
        String problems = text(robot, "#sweepProblems");
        assertTrue(problems.contains("login host: empty") && problems.contains("CPUs per task: 'four'")
                && problems.contains("mounted here: /no/such/mount is not a folder"), problems);

        set(robot, "#clusterHost", "login1");
        set(robot, "#clusterCpus", "");
        set(robot, "#clusterMounted", System.getProperty("java.io.tmpdir") + "/sweep");
        robot.clickOn("#queueButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, sent.size(), text(robot, "#sweepProblems"));
        assertEquals(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "sweep"), sent.get(0).mounted());
        robot.interact(() -> sent.get(0).done().accept("ssh: could not connect to login1: Permission denied (publickey)"));
        assertEquals("ssh: could not connect to login1: Permission denied (publickey)", text(robot, "#sweepProblems"));
        assertEquals("not sent", text(robot, "#sweepCount"));
    }

    @Test
    void backToThisMachineQueuesLocally(FxRobot robot) {
        chooseCluster(robot);
        robot.interact(() -> robot.lookup("#runOnBox").<ChoiceBox<String>>query().setValue(SweepDialog.THIS_MACHINE));
        assertFalse(robot.lookup("#clusterForm").query().isVisible());
        set(robot, "#seedsField", "1");
        set(robot, "#ringSizesField", "8");
        assertEquals("Queue 1 run", robot.lookup("#queueButton").queryAs(Button.class).getText());
        robot.clickOn("#queueButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, service.submitted.size());
        assertTrue(sent.isEmpty());
    }
}
