package org.ringlab.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;

/**
 * One button's state in a view model: its call to the service is under way ({@link #pending}:
 * disabled, says e.g. "Stopping…", style class {@code pending}) or it does not apply now
 * ({@link #off}: disabled). View models set these; panes only {@link #bind} their buttons.
 */
public final class PendingAction {
    public final BooleanProperty pending = new SimpleBooleanProperty();
    public final BooleanProperty off = new SimpleBooleanProperty();
    private final String idle;
    private final BooleanBinding disabled = pending.or(off);
    private final StringBinding text;

    public PendingAction(String idle, String busy) {
        this.idle = idle;
        this.text = Bindings.when(pending).then(busy).otherwise(idle);
    }

    /** The button's label while nothing is under way (failures name the action by it). */
    public String idleText() {
        return idle;
    }

    public boolean isPending() {
        return pending.get();
    }

    public boolean isDisabled() {
        return disabled.get();
    }

    public String text() {
        return text.get();
    }

    /** Shows this state on {@code button} from now on. */
    public void bind(Button button) {
        button.disableProperty().bind(disabled);
        button.textProperty().bind(text);
        showPending(button, pending.get());
        pending.addListener((obs, was, now) -> showPending(button, now));
    }

    private static void showPending(Button button, boolean now) {
        if (now) {
            button.getStyleClass().add("pending");
        } else {
            button.getStyleClass().remove("pending");
        }
    }
}
