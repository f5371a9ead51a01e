package org.ringlab.ui.queue;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.PendingAction;
import org.ringlab.ui.ServiceCalls;

/**
 * The service's queue of runs waiting for the worker: asked a few times a second off the JavaFX
 * thread, redrawn only when it changed, and edited (up, down, cancel) on the service's lane so the
 * edits reach it in the order they were made.
 */
public final class QueueModel {
    /** How often the queue is asked. */
    static final long POLL_NANOS = 200_000_000L;

    public final PendingAction up = new PendingAction("Up", "Moving…");
    public final PendingAction down = new PendingAction("Down", "Moving…");
    public final PendingAction cancel = new PendingAction("Cancel", "Cancelling…");
    /** The queued runs as last drawn. */
    public final ObservableList<RunHandle> items = FXCollections.observableArrayList();
    public final ObjectProperty<RunHandle> selected = new SimpleObjectProperty<>();
    private final ServiceCalls calls;
    private final Supplier<TrainingService> service;
    private final MessageBar messages;
    /** Ids on the list as last drawn: redrawn only when the service's queue changes. */
    private List<String> drawn = List.of();
    private boolean polling;
    private long lastPoll;

    public QueueModel(ServiceCalls calls, Supplier<TrainingService> service, MessageBar messages) {
        this.calls = calls;
        this.service = service;
        this.messages = messages;
    }

    /** Asks for the queue unless asked less than {@link #POLL_NANOS} ago or still asking. */
    public void poll(long now) {
        if (polling || now - lastPoll < POLL_NANOS) {
            return;
        }
        polling = true;
        lastPoll = now;
        TrainingService s = service.get();
        calls.call("queue", s::queued, queued -> {
            polling = false;
            if (s == service.get()) {
                show(queued);
            }
        }, error -> polling = false);
    }

    /** Redraws the list if its runs changed, keeping the selected run selected. */
    void show(List<RunHandle> queued) {
        List<String> ids = queued.stream().map(RunHandle::id).toList();
        if (ids.equals(drawn)) {
            return;
        }
        drawn = ids;
        RunHandle before = selected.get();
        items.setAll(queued);
        selected.set(before == null ? null
                : queued.stream().filter(r -> r.id().equals(before.id())).findFirst().orElse(null));
    }

    /** Forgets what was drawn and asks again at the next poll (after an edit, or on another service). */
    public void reset() {
        drawn = List.of();
        lastPoll = 0;
    }

    public void moveUp() {
        edit(up, (s, id) -> s.moveQueued(id, -1));
    }

    public void moveDown() {
        edit(down, (s, id) -> s.moveQueued(id, 1));
    }

    public void cancelSelected() {
        edit(cancel, TrainingService::cancelQueued);
    }

    private void edit(PendingAction action, BiConsumer<TrainingService, String> change) {
        RunHandle run = selected.get();
        if (run == null || action.isPending()) {
            return;
        }
        TrainingService s = service.get();
        action.pending.set(true);
        calls.run(ServiceCalls.SERVICE, () -> change.accept(s, run.id()), () -> {
            action.pending.set(false);
            reset();
        }, error -> {
            action.pending.set(false);
            messages.fail("queue", error);
        });
    }
}
