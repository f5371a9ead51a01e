package org.ringlab.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's screenshots of the real window during a run (not part of the test suite:
 * its name is not a test name). Run it as the README says, under Xvfb with the GTK glass.
 */
@ExtendWith(ApplicationExtension.class)
class ReadmeScreenshots {
    @TempDir
    static Path workspace;

    private TrainingService service;
    private MainController controller;
    private Scene scene;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        service = new InProcessTrainingService(workspace);
        scene = RingLabApp.createScene(service);
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void mainWindow(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("ringlab.screenshots", "docs/screenshots"));
        Files.createDirectories(out);
        String data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
        robot.interact(() -> controller.setup().pasteJson("{\"data\": \"" + data + "\", \"epochs\": 3,"
                + " \"limit-train\": 20000, \"snapshot-every\": 20}"));
        robot.clickOn("#startButton");
        // Start submits on a background lane: the run exists once the service has answered
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> service.runs().size() == 1);
        RunHandle run = service.runs().get(0);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> run.history().epochs().size() >= 2);
        // the largest layer shows the distributions best
        robot.interact(() -> robot.lookup("#layerBox").<String>queryComboBox().setValue("fc1"));
        Thread.sleep(1500);
        save(robot, out.resolve("main-window.png"));
        robot.clickOn("#stopButton");
    }

    /**
     * Demo mode on a 1920×1080 screen (run under {@code xvfb-run -s "-screen 0 1920x1080x24"}): a
     * finished three-epoch run, full screen, the metric strip showing its last epoch.
     */
    @Test
    void demoModeAt1080p(FxRobot robot) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(javafx.stage.Screen.getPrimary().getBounds().getHeight() == 1080,
                "the demo-mode shot needs a 1920x1080 screen (xvfb-run -s \"-screen 0 1920x1080x24\")");
        Path out = Path.of(System.getProperty("ringlab.screenshots", "docs/screenshots"));
        Files.createDirectories(out);
        String data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
        robot.interact(() -> controller.setup().pasteJson("{\"data\": \"" + data + "\", \"epochs\": 3,"
                + " \"limit-train\": 3000, \"snapshot-every\": 10}"));
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> service.runs().size() == 1);
        RunHandle run = service.runs().get(0);
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> run.history().epochs().size() >= 3);
        robot.interact(() -> robot.lookup("#layerBox").<String>queryComboBox().setValue("fc1"));
        robot.interact(() -> {
            controller.toggleDemo();
            // without a window manager (plain Xvfb) full screen does not resize the window: size it as full screen would
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        });
        Thread.sleep(2500);
        save(robot, out.resolve("demo-1080p.png"));
        System.out.printf("demo mode: window %.0fx%.0f, font %.1f px%n", scene.getWidth(), scene.getHeight(),
                controller.fontPx());
        // the same on a 1366×768 laptop screen (not in the README: a check that the toolbar fits)
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
        });
        Thread.sleep(1500);
        save(robot, out.resolve("demo-1366x768.png"));
        System.out.printf("demo mode: window %.0fx%.0f, font %.1f px%n", scene.getWidth(), scene.getHeight(),
                controller.fontPx());
        robot.interact(controller::toggleDemo);
    }

    /**
     * The quantization-gap tab and the accuracy chart (epoch axis, value labels on) of a short real
     * run at 1366×768: gap-chart.png and accuracy-chart.png.
     */
    @Test
    void gapChart(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("ringlab.screenshots", "docs/screenshots"));
        Files.createDirectories(out);
        String data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString();
        robot.interact(() -> {
            stage.setWidth(1366);
            stage.setHeight(768);
            controller.setup().pasteJson("{\"data\": \"" + data + "\", \"epochs\": 4, \"limit-test\": 2000,"
                    + " \"limit-train\": 6000, \"snapshot-every\": 50}");
        });
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> service.runs().size() == 1);
        RunHandle run = service.runs().get(0);
        WaitForAsyncUtils.waitFor(540, TimeUnit.SECONDS, () -> run.history().epochs().size() >= 4);
        robot.interact(() -> {
            robot.lookup("#epochAxisButton").queryAs(javafx.scene.control.ToggleButton.class).fire();
            controller.charts().setShowValueLabels(true);
        });
        Thread.sleep(1500);
        save(robot, out.resolve("accuracy-chart.png"));
        robot.interact(() -> robot.lookup("#chartTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().select(1));
        Thread.sleep(1500);
        save(robot, out.resolve("gap-chart.png"));
    }

    /** The Compare window over a folder of runs given as -Dringlab.compare-runs (the README's sweep). */
    @Test
    void compareWindow(FxRobot robot) throws Exception {
        String runs = System.getProperty("ringlab.compare-runs");
        org.junit.jupiter.api.Assumptions.assumeTrue(runs != null, "-Dringlab.compare-runs=DIR not given");
        Path out = Path.of(System.getProperty("ringlab.screenshots", "docs/screenshots"));
        Files.createDirectories(out);
        org.ringlab.ui.compare.ComparisonWindow window = new org.ringlab.ui.compare.ComparisonWindow(service,
                ServiceCalls.direct(), () -> null, (dir, size) -> null, run -> { });
        robot.interact(() -> {
            window.show(stage);
            window.open(Path.of(runs));
        });
        var view = window.pane().tableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.getItems().size() >= 11);
        robot.interact(() -> {
            var column = view.getColumns().stream().filter(c -> c.getId().equals("final_snapped")).findFirst()
                    .orElseThrow();
            column.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            view.getSortOrder().setAll(java.util.List.of(column));
            // the method column names each row; the merged run names would push wall time off the screen
            view.getColumns().stream().filter(c -> c.getId().equals("run")).forEach(c -> c.setVisible(false));
            view.getScene().getWindow().setWidth(1900);
            view.getScene().getWindow().setHeight(380);
        });
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = window.root().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve("compare-window.png").toFile());
    }

    /**
     * The Sweep dialog sending a grid to localhost over SSH: the throw-away sshd of
     * scripts/test-cluster/start-sshd.sh (RINGLAB_TEST_SSH), whose ssh config maps localhost to it.
     * Taken in the same JavaFX pulse as the click, so it shows the dialog sending; the answer follows.
     */
    @Test
    void sweepDialogSendingOverSsh(FxRobot robot) throws Exception {
        String ssh = System.getenv("RINGLAB_TEST_SSH");
        org.junit.jupiter.api.Assumptions.assumeTrue(ssh != null, org.ringlab.cluster.TestSshd.SKIPPED);
        System.setProperty("ringlab.ssh.config", Path.of(ssh, "ssh_config").toString());
        Path out = Path.of(System.getProperty("ringlab.screenshots", "docs/screenshots"));
        Files.createDirectories(out);
        String data = Path.of(System.getProperty("ringlab.repo", ".")).toAbsolutePath().resolve("sample-data").toString();
        java.util.List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClusterRuns cluster = new ClusterRuns(new org.ringlab.cluster.ClusterSweeps(workspace, null,
                java.time.Duration.ofSeconds(5)), null, new ClusterRuns.View() {
                    @Override
                    public void show(RunHandle run) {
                    }

                    @Override
                    public void copied(Path folder) {
                    }

                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                }, ServiceCalls.background());
        org.ringlab.config.RunConfig base = org.ringlab.config.RunConfig.defaults().toBuilder().model(
                org.ringlab.config.ModelKind.MLP).data(data).epochs(3).build();
        org.ringlab.ui.compare.SweepDialog dialog = new org.ringlab.ui.compare.SweepDialog(service,
                ServiceCalls.direct(), () -> base,
                null, run -> { });
        Stage[] window = new Stage[1];
        robot.interact(() -> {
            dialog.sendWith(cluster);
            window[0] = new Stage();
            window[0].initOwner(stage);
            Scene s = new Scene(dialog.content());
            s.getStylesheets().addAll(scene.getStylesheets());
            window[0].setScene(s);
            window[0].show();
            robot.lookup("#method-twn").queryAs(javafx.scene.control.CheckBox.class).setSelected(true);
            robot.lookup("#runOnBox").<javafx.scene.control.ChoiceBox<String>>query().setValue("Slurm cluster over SSH");
            String[][] fields = {{"#ringSizesField", "4,8"}, {"#seedsField", "1,2"}, {"#clusterHost", "localhost"},
                {"#clusterRinglab", "ringlab-cli/bin/ringlab"}, {"#clusterFolder", "ringlab-sweeps/mnist-grid"},
                {"#clusterData", data}, {"#clusterPartition", "debug"}, {"#clusterGres", "gpu:1"},
                {"#clusterTime", "00:30:00"}, {"#clusterCpus", "1"}, {"#clusterMem", "1G"}, {"#clusterMaxAtOnce", "2"},
                {"#clusterSbatchArgs", "--requeue"}};
            for (String[] f : fields) {
                robot.lookup(f[0]).queryAs(javafx.scene.control.TextField.class).setText(f[1]);
            }
            window[0].sizeToScene();
        });
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            robot.lookup("#queueButton").queryAs(javafx.scene.control.Button.class).fire();
            image[0] = dialog.content().snapshot(null, null);
        });
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", out.resolve("sweep-ssh.png").toFile());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            String count = robot.lookup("#sweepCount").queryAs(javafx.scene.control.Label.class).getText();
            return !count.startsWith("sending");
        });
        WaitForAsyncUtils.waitForFxEvents();
        System.out.println("sweep-ssh: " + robot.lookup("#sweepCount").queryAs(javafx.scene.control.Label.class).getText()
                + " | " + robot.lookup("#sweepProblems").queryAs(javafx.scene.control.Label.class).getText() + " | "
                + notes);
        cluster.close();
    }

    private void save(FxRobot robot, Path file) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
    }
}
