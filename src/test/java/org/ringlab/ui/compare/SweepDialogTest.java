package org.ringlab.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringlab.config.DataDescription;
import org.ringlab.config.Method;
import org.ringlab.quant.RingType;
import org.ringlab.config.RunConfig;
import org.ringlab.service.RunHandle;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sweep launcher headless: a grid in the form becomes the right configurations, submitted through the service. */
@ExtendWith(ApplicationExtension.class)
class SweepDialogTest {
    private final FakeService service = new FakeService();
    private final List<RunHandle> adopted = new CopyOnWriteArrayList<>();
    private RunConfig base = RunConfig.defaults().toBuilder().data(System.getProperty("java.io.tmpdir")).epochs(2).build();

    @Start
    void start(Stage stage) {
        SweepDialog dialog = new SweepDialog(service, org.ringlab.ui.ServiceCalls.direct(), () -> base,
                (dir, size) -> new DataDescription("idx", 1, 28, 28, 10, 60000, 10000), adopted::add);
        stage.setScene(new Scene(dialog.content(), 700, 360));
        stage.show();
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @Test
    void aGridBecomesOneSubmittedConfigPerApplicablePoint(FxRobot robot) {
        robot.clickOn("#method-fp32");
        robot.clickOn("#ringType-sin");
        set(robot, "#ringSizesField", "4, 8");
        set(robot, "#bitsField", "2,4");
        set(robot, "#seedsField", "1,2");
        // fp32: one per seed (2); ring: 2 types × 2 sizes × 2 seeds (8); bits apply to neither
        assertEquals("10 runs", robot.lookup("#sweepCount").queryAs(Label.class).getText());
        robot.clickOn("#queueButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, service.submitted.size(), robot.lookup("#sweepProblems").queryAs(Label.class).getText());
        assertEquals(10, adopted.size(), "every queued run is handed to the main window");
        assertEquals(List.of(Method.FP32, Method.FP32), service.submitted.subList(0, 2).stream()
                .map(RunConfig::method).toList());
        RunConfig last = service.submitted.get(9);
        assertEquals(RingType.SIN, last.ringType());
        assertEquals(8, last.ringSize());
        assertEquals(2, last.seed());
        assertEquals(2, last.epochs(), "every other setting comes from the run setup");
        assertEquals("lenet-ring-sin8-s2", last.name());
        assertEquals(null, last.out(), "the service chooses the directories");
        assertEquals("queued 10 runs", robot.lookup("#sweepCount").queryAs(Label.class).getText());
    }

    @Test
    void anInvalidGridSubmitsNothing(FxRobot robot) {
        set(robot, "#ringSizesField", "4,x");
        assertTrue(robot.lookup("#queueButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#sweepProblems").queryAs(Label.class).getText().contains("'x'"));
        set(robot, "#ringSizesField", "1,8");
        Button queue = robot.lookup("#queueButton").queryAs(Button.class);
        assertFalse(queue.isDisabled(), "the count is known; the points are checked on queueing");
        robot.clickOn(queue);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(service.submitted.isEmpty(), "one bad point stops the whole grid");
        String problems = robot.lookup("#sweepProblems").queryAs(Label.class).getText();
        assertTrue(problems.contains("lenet-ring-triangle1-s1") && problems.contains("ring-size"), problems);
    }

    @Test
    void anInvalidRunSetupIsReported(FxRobot robot) {
        base = null;
        set(robot, "#seedsField", "1");
        assertTrue(robot.lookup("#queueButton").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#sweepProblems").queryAs(Label.class).getText().contains("run setup"));
    }

    @Test
    void theHintNamesTheMethodsWithBitWidths() {
        assertEquals("Ring types and sizes apply to ring methods; bits to lsq, dorefa, pow2 and slq; every other setting "
                + "comes from the run setup.", SweepDialog.hint());
    }
}
