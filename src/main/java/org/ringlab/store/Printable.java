package org.ringlab.store;

/** Text from the database quoted in a message: control characters escaped, long text clipped. */
final class Printable {
    private static final int MAX = 60;

    private Printable() {
    }

    static String clip(String text) {
        if (text == null) {
            return "NULL";
        }
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(MAX).forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > MAX ? b + "…" : b.toString();
    }
}
