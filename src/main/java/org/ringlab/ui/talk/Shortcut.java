package org.ringlab.ui.talk;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/**
 * One keyboard shortcut of the window: the keys, what they do (as the cheat sheet says it) and the
 * action. The window installs its shortcuts from one list and the cheat sheet shows the same list,
 * so the sheet cannot promise a key that does nothing.
 */
public record Shortcut(KeyCombination keys, String does, Runnable action) {

    /** Puts every shortcut on the scene's accelerators. */
    public static void install(Scene scene, List<Shortcut> shortcuts) {
        for (Shortcut s : shortcuts) {
            scene.getAccelerators().put(s.keys(), s.action());
        }
    }
}
