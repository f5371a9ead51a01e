package org.ringlab.train;

/** Turns an exception into one line a user can act on, without a stack trace. */
public final class Failures {
    private Failures() {
    }

    /** With -Dringlab.debug=true the full trace goes to stderr, for bug reports. */
    public static void debug(Throwable e) {
        if (Boolean.getBoolean("ringlab.debug")) {
            e.printStackTrace();
        }
    }

    public static String describe(Throwable e) {
        Throwable root = e;
        StringBuilder sb = new StringBuilder();
        while (root != null) {
            String m = root.getMessage();
            if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(m.strip());
            }
            root = root.getCause() == root ? null : root.getCause();
        }
        return sb.length() > 0 ? sb.toString() : e.getClass().getSimpleName();
    }
}
