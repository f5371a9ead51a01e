package org.ringlab.cluster;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quoting for the remote POSIX shell that sshd hands a command to: every argument is one word
 * there, whatever it holds (spaces, quotes, $, ;, newlines).
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** One word for sh: left bare when it is plainly safe, else in single quotes. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(ShellQuote::safe)) {
            return arg;
        }
        // inside single quotes nothing is special but the quote itself: close, escape it, reopen
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** A command line for sh, each argument quoted. */
    public static String join(List<String> args) {
        return args.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }

    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-_./=:,+@%".indexOf(c) >= 0;
    }
}
