package org.ringlab.pickle;

/**
 * A pickle that is refused (it asks for something outside its format's rules) or malformed (it is
 * not a well-formed pickle). The message says what, without the file's name or the byte offset:
 * each format adds them in its own words.
 */
public final class PickleException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean refused;
    private final String detail;
    private final long offset;

    private PickleException(boolean refused, String detail, long offset, Throwable cause) {
        super(detail, cause);
        this.refused = refused;
        this.detail = detail;
        this.offset = offset;
    }

    /** The pickle asks for something its format's rules do not allow, e.g. "global 'os.system'". */
    public static PickleException refused(String what) {
        return new PickleException(true, what, -1, null);
    }

    /** The pickle is not what its format says, e.g. "the pickle ends inside an opcode". */
    public static PickleException malformed(String what) {
        return new PickleException(false, what, -1, null);
    }

    /** A failure of the format's own reader (e.g. a tensor that does not fit its storage), carried as it is. */
    public static PickleException wrapping(Exception cause) {
        return new PickleException(false, String.valueOf(cause.getMessage()), -1, cause);
    }

    /** The same problem, located at the opcode starting at byte {@code at} (the first location wins). */
    PickleException at(long at) {
        return offset >= 0 ? this : new PickleException(refused, detail, at, getCause());
    }

    /** @return true when the pickle was refused, false when it is malformed */
    public boolean isRefused() {
        return refused;
    }

    /** @return what was refused or what is wrong, e.g. "global 'os.system'" */
    public String detail() {
        return detail;
    }

    /** @return the byte offset of the opcode that failed, or -1 when not known */
    public long offset() {
        return offset;
    }
}
