package org.ringlab.cli;

/**
 * Text from a store or a file printed to a terminal: its control characters (ESC sequences that
 * would recolour, move the cursor or retitle the window, carriage returns, tabs that break the
 * columns) are shown as escapes such as {@code \e} or {@code \u0007} instead of being sent raw.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0x1b) {
                b.append("\\e");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
