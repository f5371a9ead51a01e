package org.ringlab.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.service.TrainingService;

/**
 * The RingLab workbench. This is the only class that picks a {@link TrainingService}
 * implementation; everything else sees the interface.
 */
public final class RingLabApp extends Application {
    private TrainingService service;

    public static void main(String[] args) {
        launch(args);
    }

    @Override
    public void start(Stage stage) throws IOException {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        Path workspace = Path.of(System.getProperty("ringlab.workspace", "runs"));
        service = new InProcessTrainingService(workspace);
        Scene scene = createScene(service);
        stage.setTitle("RingLab");
        stage.setScene(scene);
        stage.show();
    }

    /** Builds the main window's scene around a service (tests pass their own). */
    public static Scene createScene(TrainingService service) throws IOException {
        FXMLLoader loader = new FXMLLoader(RingLabApp.class.getResource("/fxml/main.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainController.class) {
                return new MainController(service);
            }
            throw new IllegalArgumentException("no controller " + type);
        });
        Parent root = loader.load();
        MainController controller = loader.getController();
        root.getProperties().put(MainController.class, controller);
        Scene scene = new Scene(root, 1360, 820);
        scene.getStylesheets().add(RingLabApp.class.getResource("/styles/ringlab.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), controller::onStart);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), controller::togglePause);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), controller::onStep);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F8), controller::onStop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F11), controller::toggleDemo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN),
                controller::toggleTheme);
        return scene;
    }

    @Override
    public void stop() {
        if (service != null) {
            service.close();
        }
    }
}
