package org.ringlab.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.service.RunHandle;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.ScriptedService;
import org.ringlab.ui.ServiceCalls;

/** The queue pane's rules without a window: polling, redrawing, keeping the selection, editing. */
class QueueModelTest {
    private static final long SECOND = 1_000_000_000L;
    private final ScriptedService service = new ScriptedService();
    private final MessageBar messages = new MessageBar();
    private final QueueModel model = new QueueModel(ServiceCalls.direct(), () -> service, messages);

    private static List<String> ids(List<RunHandle> runs) {
        return runs.stream().map(RunHandle::id).toList();
    }

    @Test
    void pollsAtMostFiveTimesASecond() {
        model.poll(SECOND);
        model.poll(SECOND + QueueModel.POLL_NANOS / 2);
        assertEquals(List.of("queued"), service.log);
        model.poll(SECOND + QueueModel.POLL_NANOS);
        assertEquals(List.of("queued", "queued"), service.log);
    }

    @Test
    void redrawsOnlyWhenTheQueueChangedAndKeepsTheSelectedRun() {
        service.queue.addAll(List.of(service.run("a", RunStatus.PENDING), service.run("b", RunStatus.PENDING),
                service.run("c", RunStatus.PENDING)));
        List<String> redraws = new ArrayList<>();
        model.items.addListener((javafx.collections.ListChangeListener<RunHandle>) c -> redraws.add("redraw"));
        model.poll(SECOND);
        assertEquals(List.of("a", "b", "c"), ids(model.items));
        model.selected.set(model.items.get(1));
        model.poll(2 * SECOND);
        assertEquals(1, redraws.size(), "the same queue is not redrawn");
        // the worker hands out fresh handles: the selection follows the id
        service.queue.clear();
        service.queue.addAll(List.of(service.run("b", RunStatus.PENDING), service.run("c", RunStatus.PENDING)));
        model.poll(3 * SECOND);
        assertEquals(List.of("b", "c"), ids(model.items));
        assertSame(model.items.get(0), model.selected.get());
        service.queue.remove(0);
        model.poll(4 * SECOND);
        assertNull(model.selected.get(), "the selected run left the queue");
    }

    @Test
    void editsGoToTheServiceForTheSelectedRunAndShowThemselvesPending() {
        service.queue.addAll(List.of(service.run("a", RunStatus.PENDING), service.run("b", RunStatus.PENDING)));
        model.poll(SECOND);
        model.moveUp();
        assertEquals(List.of("queued"), service.log, "nothing selected, nothing sent");
        model.selected.set(model.items.get(1));
        List<String> seen = new ArrayList<>();
        service.during = () -> seen.add(model.up.text() + "/" + model.up.isDisabled());
        model.moveUp();
        model.moveDown();
        assertEquals(List.of("queued", "move b -1", "move b 1"), service.log);
        assertEquals("Moving…/true", seen.get(0));
        assertFalse(model.up.isPending() || model.down.isPending());
        // after an edit the queue is asked again at once, not 200 ms later
        model.poll(SECOND + 1);
        assertEquals("queued", service.log.get(service.log.size() - 1));
    }

    @Test
    void aFailedEditIsOneLineAndEndsThePendingState() {
        service.queue.add(service.run("a", RunStatus.PENDING));
        model.poll(SECOND);
        model.selected.set(model.items.get(0));
        service.queue.clear(); // the worker started it meanwhile
        model.cancelSelected();
        assertTrue(messages.text().startsWith("queue: ") && messages.text().contains("run a is not queued"),
                messages.text());
        assertFalse(model.cancel.isPending());
        assertEquals("Cancel", model.cancel.text());
    }
}
