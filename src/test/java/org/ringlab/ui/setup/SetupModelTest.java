package org.ringlab.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.config.DataDescription;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfigJson;
import org.ringlab.config.Settings;

/** The setup panel's rules, without a window: JavaFX properties work without the toolkit. */
class SetupModelTest {
    private static final DataDescription MNIST = new DataDescription("IDX", 1, 28, 28, 10, 60000, 10000);

    private static SetupModel model() {
        return new SetupModel((dir, size) -> MNIST);
    }

    @Test
    void defaultsAreValidAndMakeTheReferenceSetup() {
        SetupModel m = model();
        assertTrue(m.validProperty().get(), m.problems().toString());
        assertEquals(ModelKind.LENET, m.config().model());
        assertEquals(8, m.config().ringSize());
        assertTrue(m.ringPreviewProperty().get().contains("4 distinct levels → 2 bits (nominal 3)"),
                m.ringPreviewProperty().get());
    }

    @Test
    void everyProblemIsListedWithItsField() {
        SetupModel m = model();
        m.ringSize.set("1");
        m.lr.set("-0.1");
        m.epochs.set("three");
        assertFalse(m.validProperty().get());
        assertNull(m.config());
        assertEquals(1, m.problemsFor("epochs").size(), m.problems().toString());
        m.epochs.set("3");
        assertEquals(1, m.problemsFor("ring-size").size(), m.problems().toString());
        assertEquals(1, m.problemsFor("lr").size(), m.problems().toString());
        m.ringSize.set("4");
        m.lr.set("0.01");
        m.text(Settings.TEST_BATCH_SIZE).set("0");
        assertEquals(List.of("test-batch-size 0: must be 1..65536"), m.problemsFor("test-batch-size"));
        assertEquals(List.of(), m.problemsFor("batch-size"), "marked by key, not by prefix");
        m.text(Settings.TEST_BATCH_SIZE).set("1000");
        assertTrue(m.validProperty().get(), m.problems().toString());
        assertTrue(m.ringPreviewProperty().get().contains("2 distinct levels"));
    }

    @Test
    void scheduleMilestonesPastTheLastEpochAreRefused() {
        SetupModel m = model();
        m.schedule.set("multistep:2,5:0.1");
        assertFalse(m.validProperty().get());
        assertTrue(String.join(" ", m.problems()).contains("milestone 5"), m.problems().toString());
        m.epochs.set("10");
        assertTrue(m.validProperty().get(), m.problems().toString());
    }

    @Test
    void badDataFolderIsNamed() {
        SetupModel m = new SetupModel((dir, size) -> {
            throw new java.io.IOException(dir + ": no MNIST or CIFAR-10 files here");
        });
        assertFalse(m.validProperty().get());
        assertTrue(m.problemsFor("data").get(0).contains("no MNIST"), m.problems().toString());
        assertEquals("data", m.violations().get(0).key());
    }

    @Test
    void copyAndPasteRoundTripKeepsHiddenKeys() {
        SetupModel m = model();
        m.method.set(Method.FP32);
        String json = RunConfigJson.toJson(m.config().toBuilder().limitTrain(500).build());
        SetupModel other = model();
        assertNull(other.pasteJson(json));
        assertEquals(Method.FP32, other.method.get());
        assertEquals(500, other.config().limitTrain());
        assertNotNull(other.pasteJson("{ not json"));
        assertTrue(other.ringPreviewProperty().get().startsWith("FP32"));
    }
}
