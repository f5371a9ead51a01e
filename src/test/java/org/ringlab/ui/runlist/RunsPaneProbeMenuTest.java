package org.ringlab.ui.runlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.ScriptedService;
import org.ringlab.ui.ServiceCalls;
import org.ringlab.ui.chartspane.ChartsModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Right-click a run in the runs list → "Feature discrimination…" opens the probe window for that run. */
@ExtendWith(ApplicationExtension.class)
class RunsPaneProbeMenuTest {
    private final ScriptedService service = new ScriptedService();
    private final MessageBar messages = new MessageBar();
    private final ChartsModel charts = new ChartsModel(new ChartsModel.Charts() {
        @Override
        public void addRun(String runId, String label) {
        }

        @Override
        public void removeRun(String runId) {
        }

        @Override
        public void appendSteps(String runId, List<StepMetrics> steps) {
        }

        @Override
        public void appendEpochs(String runId, List<EpochMetrics> epochs) {
        }
    });
    private final RunsModel model = new RunsModel(ServiceCalls.direct(), null, charts, messages);

    @Start
    void start(Stage stage) throws Exception {
        RunActions actions = new RunActions(ServiceCalls.direct(), () -> service, null, model, () -> true,
                name -> false, messages);
        FXMLLoader loader = new FXMLLoader(RunsPaneProbeMenuTest.class.getResource("/fxml/runs.fxml"));
        loader.setControllerFactory(type -> new RunsPane(model, actions, messages));
        Parent root = loader.load();
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    @Test
    void theMenuOpensTheProbeOfTheSelectedRun(FxRobot robot) {
        robot.interact(() -> model.adopt(service.run("r7", RunStatus.FINISHED)));
        ListView<?> list = robot.lookup("#runsList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(0));
        // headless Monocle sends no context-menu event for a right click: the list's menu item is fired instead
        MenuItem probe = list.getContextMenu().getItems().stream()
                .filter(i -> "Feature discrimination…".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(probe::fire);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> titles = Window.getWindows().stream().filter(Stage.class::isInstance)
                .map(w -> ((Stage) w).getTitle()).filter(t -> t != null && t.startsWith("Feature")).toList();
        assertEquals(1, titles.size(), titles.toString());
        String name = model.items().get(0).handle.name();
        assertTrue(titles.get(0).equals("Feature discrimination — " + name), titles.get(0));
        robot.interact(() -> Window.getWindows().stream().filter(Stage.class::isInstance).map(Stage.class::cast)
                .filter(s -> s.getTitle() != null && s.getTitle().startsWith("Feature")).toList()
                .forEach(Stage::close));
    }
}
