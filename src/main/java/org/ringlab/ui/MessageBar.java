package org.ringlab.ui;

import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.ringlab.train.Failures;

/**
 * The one-line message bar at the bottom of the window, shared by every pane: what happened last,
 * or what went wrong (one line, never a stack trace). Touched only on the JavaFX thread.
 */
public final class MessageBar {
    /** Set while something must not be missed (the worker died); the bar shows it in red. */
    public final BooleanProperty alert = new SimpleBooleanProperty();
    private String text = "";
    // a plain hand-over rather than a bound property: the setup panel writes the same label directly
    private Consumer<String> view = line -> { };

    /** Where the lines go from now on (the shell's label). */
    public void showOn(Consumer<String> label) {
        this.view = label;
    }

    public void say(String line) {
        text = line;
        view.accept(line);
    }

    /** "what: cause" on one line. */
    public void fail(String what, Throwable error) {
        say(what + ": " + Failures.describe(error).replace('\n', ' '));
    }

    /** The last line said. */
    public String text() {
        return text;
    }
}
