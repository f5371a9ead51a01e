package org.ringlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ringlab.remote.RemoteTrainingService;
import org.ringlab.remote.WorkerException;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.service.TrainingService;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoreException;

/**
 * The RingLab workbench. This is the only class that picks a {@link TrainingService}
 * implementation; everything else sees the interface.
 *
 * <p>Training runs in a worker JVM this app starts (a crash or out-of-memory in native code there
 * cannot take the window down); {@code -Dringlab.worker=in-process} trains in this JVM instead, and
 * so does the app when the worker cannot start. Runs are recorded in the workspace
 * ({@code -Dringlab.workspace=DIR}, default {@code ~/.ringlab/workspace}).
 * {@code -Dringlab.autorun=CONFIG.json} starts that configuration at once and quits when it has
 * ended ({@link AutoRun}, for {@code scripts/window-throughput.sh}).
 */
public final class RingLabApp extends Application {
    private TrainingService service;
    private PastRuns pastRuns;
    private String startupNote;
    private MainController controller;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        String configured = System.getProperty("ringlab.workspace");
        Path workspace = configured != null ? Path.of(configured) : RunStore.defaultWorkspace();
        service = openService(workspace);
        try {
            RunStore store = RunStore.open(workspace);
            pastRuns = new PastRuns(store, new org.ringlab.cluster.StoreImport(store));
        } catch (StoreException e) {
            startupNote = "past runs unavailable: " + e.getMessage();
        }
        Scene scene = createScene(service, pastRuns,
                (host, port, token) -> RemoteTrainingService.connect(host, port, token, null));
        controller = (MainController) scene.getRoot().getProperties().get(MainController.class);
        if (startupNote != null) {
            controller.note(startupNote);
        }
        stage.setTitle("RingLab");
        stage.setScene(scene);
        fitToScreen(stage, javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.show();
        String autorun = System.getProperty(AutoRun.PROPERTY);
        if (autorun != null) {
            AutoRun run = new AutoRun(System.out, Platform::runLater, Platform::exit);
            stage.getScene().addPostLayoutPulseListener(run::pulsed);
            run.start(Path.of(autorun), controller, service);
        }
    }

    private TrainingService openService(Path workspace) {
        if (!"in-process".equals(System.getProperty("ringlab.worker"))) {
            try {
                return RemoteTrainingService.launchLocal(workspace);
            } catch (WorkerException e) {
                startupNote = "training in this process: the worker did not start (" + e.getMessage() + ")";
            }
        }
        return new InProcessTrainingService(workspace);
    }

    /** Builds the main window's scene around a service (tests pass their own). */
    /**
     * On a screen smaller than the window's preferred size (a 1366×768 laptop), the window takes the
     * screen's usable area instead of opening with its toolbar above the top edge.
     */
    static void fitToScreen(Stage stage, javafx.geometry.Rectangle2D screen) {
        javafx.scene.Scene scene = stage.getScene();
        if (scene.getWidth() > screen.getWidth() || scene.getHeight() > screen.getHeight()) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(Math.min(scene.getWidth(), screen.getWidth()));
            stage.setHeight(Math.min(scene.getHeight(), screen.getHeight()));
        }
    }

    public static Scene createScene(TrainingService service) throws IOException {
        return createScene(service, null, null);
    }

    /** The same, listing the workspace's past runs and offering "Connect…" through {@code connector}. */
    public static Scene createScene(TrainingService service, PastRuns pastRuns, ServiceConnector connector)
            throws IOException {
        FXMLLoader loader = new FXMLLoader(RingLabApp.class.getResource("/fxml/main.fxml"));
        loader.setControllerFactory(MainController.controllers(service, pastRuns, connector));
        Parent root = loader.load();
        MainController controller = loader.getController();
        root.getProperties().put(MainController.class, controller);
        Scene scene = new Scene(root, 1360, 820);
        // closing the window while runs train asks first
        scene.windowProperty().addListener((obs, was, now) -> {
            if (now instanceof Stage stage) {
                controller.guardClose(stage);
            }
        });
        scene.getStylesheets().add(RingLabApp.class.getResource("/styles/ringlab.css").toExternalForm());
        // the cheat sheet (F1) lists this same list
        org.ringlab.ui.talk.Shortcut.install(scene, controller.shortcuts());
        return scene;
    }

    @Override
    public void stop() {
        if (controller != null) {
            // the cluster's sweeps run on: only their following stops
            controller.closeCluster();
        }
        if (service != null) {
            service.close();
        }
        if (pastRuns != null) {
            pastRuns.close();
        }
    }
}
