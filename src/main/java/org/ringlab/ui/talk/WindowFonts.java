package org.ringlab.ui.talk;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javafx.scene.Scene;

/**
 * Puts one font size on every text of a scene: controls and labels inherit it from the root's
 * inline style (which beats the application stylesheet's {@code .root} size), and ChartFX's axis
 * tick labels and titles, which its own stylesheet fixes at 10 and 12 px, get it from a rule here.
 * That rule travels as a stylesheet (a data URI) on the scene, so charts made later (another run's,
 * another chart) follow it too and no chart code needs to know about it; ChartFX's chart.css is a
 * user-agent stylesheet, which any scene stylesheet overrides.
 */
public final class WindowFonts {
    private static final String PREFIX = "data:text/css;base64,";
    private static final String MARK = "/* ringlab window font */";

    private WindowFonts() {
    }

    /** Sets every text of {@code scene} to {@code px} pixels. */
    public static void apply(Scene scene, double px) {
        scene.getRoot().setStyle("-fx-font-size: " + size(px) + ";");
        scene.getStylesheets().removeIf(WindowFonts::isOurs);
        scene.getStylesheets().add(stylesheet(px));
    }

    /** The stylesheet that sets ChartFX's axis texts to {@code px} pixels. */
    static String stylesheet(double px) {
        String css = MARK + "\n.axis .axis-tick-label, .axis .axis-label { -fx-font-size: " + size(px) + "; }\n";
        return PREFIX + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    private static String size(double px) {
        return String.format(Locale.ROOT, "%.1fpx", px);
    }

    static boolean isOurs(String uri) {
        if (!uri.startsWith(PREFIX)) {
            return false;
        }
        String css = new String(Base64.getDecoder().decode(uri.substring(PREFIX.length())), StandardCharsets.UTF_8);
        return css.startsWith(MARK);
    }
}
