package org.ringlab.train;

/** Turns an exception into one line a user can act on, without a stack trace. */
public final class Failures {
    private Failures() {
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
