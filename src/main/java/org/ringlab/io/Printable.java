package org.ringlab.io;

/**
 * Text from inside a file made safe to print in a one-line message: a damaged or hostile file can
 * hold line breaks, terminal escape codes or megabytes where a name belongs.
 */
public final class Printable {
    private Printable() {
    }

    /**
     * @return {@code text} with control characters written as {@code \xNN} (a line break as
     *     {@code \x0a}, an escape as {@code \x1b}) and cut to {@code max} characters with "…"
     */
    public static String shown(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && !text.isEmpty()) {
            out.setLength(max);
            out.append('…');
        }
        return out.toString();
    }
}
