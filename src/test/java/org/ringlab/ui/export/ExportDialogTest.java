package org.ringlab.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.TinyRunsAccess;
import org.ringlab.ui.RunExporter;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The batch export dialog: format, size preset or custom size and DPI reach the exporter. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {
    @TempDir
    Path tmp;
    private ExportDialog dialog;

    @Start
    void start(Stage stage) {
        dialog = new ExportDialog(Path.of("figures"));
        stage.setScene(new Scene((javafx.scene.Parent) dialog.content(), 820, 320));
        stage.show();
    }

    private static void set(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @SuppressWarnings("unchecked")
    private static void size(FxRobot robot, String preset) {
        robot.interact(() -> robot.lookup("#exportSize").queryAs(ComboBox.class).setValue(preset));
    }

    @Test
    void pngOnlyAtAVenueWidthAndDpiIsWhatTheExporterWrites(FxRobot robot) throws IOException {
        Path out = tmp.resolve("out");
        set(robot, "#exportFolder", out.toString());
        robot.clickOn("#exportFormat-svg");
        robot.clickOn("#exportFormat-pdf");
        size(robot, "icml-double");
        set(robot, "#exportDpi", "150");
        robot.interact(() -> robot.lookup("#exportAnimations").queryAs(CheckBox.class).setSelected(false));
        WaitForAsyncUtils.waitForFxEvents();
        ExportChoices choices = dialog.choices();
        assertEquals(out, choices.folder());
        assertEquals(Set.of(FigureFormat.PNG), choices.formats());
        assertEquals(6.75, choices.size().widthInches(), 1e-9);
        assertEquals(6.75 * 0.75, choices.size().heightInches(), 1e-9);
        assertEquals(150, choices.size().dpi());
        assertEquals(Set.of(), choices.animations());

        List<Path> runs = List.of(TinyRunsAccess.write(tmp.resolve("ring")), TinyRunsAccess.writeLatent(tmp.resolve("lsq")));
        // the runs list calls it off the JavaFX thread, as this test thread is
        int files = RunExporter.export(runs, choices);
        assertTrue(Files.isRegularFile(out.resolve("accuracy.png")));
        assertFalse(Files.exists(out.resolve("accuracy.svg")) || Files.exists(out.resolve("accuracy.pdf")),
                "formats that were not chosen");
        try (var listing = Files.list(out)) {
            assertTrue(listing.noneMatch(p -> p.toString().endsWith(".gif")), "animations were turned off");
        }
        BufferedImage accuracy = ImageIO.read(out.resolve("accuracy.png").toFile());
        assertEquals(Math.round(6.75 * 150), accuracy.getWidth(), "ICML's text width at 150 dpi");
        assertEquals(Math.round(6.75 * 0.75 * 150), accuracy.getHeight());
        assertTrue(files >= 5 + 4, "figures and the five data files: " + files);
        assertTrue(Files.isRegularFile(out.resolve("comparison.md")));
    }

    @Test
    void aCustomSizeAndItsProblems(FxRobot robot) {
        TextField width = robot.lookup("#exportWidth").queryAs(TextField.class);
        TextField dpi = robot.lookup("#exportDpi").queryAs(TextField.class);
        assertTrue(width.isDisabled(), "a preset fixes the width");
        assertEquals("3.5", width.getText());
        size(robot, ExportDialog.CUSTOM);
        assertFalse(width.isDisabled());
        set(robot, "#exportWidth", "4");
        set(robot, "#exportHeight", "2.5");
        assertEquals(4, dialog.choices().size().widthInches(), 1e-9);
        assertEquals(2.5, dialog.choices().size().heightInches(), 1e-9);

        set(robot, "#exportWidth", "4 cm");
        assertNull(dialog.choices());
        assertTrue(dialog.problem().contains("width"), dialog.problem());
        set(robot, "#exportWidth", "4");
        set(robot, "#exportDpi", "72");
        assertNull(dialog.choices());
        assertTrue(dialog.problem().contains("72 dpi"), dialog.problem());

        robot.clickOn("#exportFormat-png");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dpi.isDisabled(), "the resolution is a PNG's only");
        assertEquals(Set.of(FigureFormat.SVG, FigureFormat.PDF), dialog.choices().formats(), dialog.problem());
        robot.clickOn("#exportFormat-svg");
        robot.clickOn("#exportFormat-pdf");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(dialog.choices());
        assertTrue(dialog.problem().contains("format"), dialog.problem());
    }
}
