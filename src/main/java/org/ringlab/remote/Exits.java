package org.ringlab.remote;

/** Says in words how a process ended, from its exit code. */
final class Exits {
    private Exits() {
    }

    static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            int signal = exitCode - 128;
            return "was killed by signal " + signal + signalName(signal);
        }
        if (exitCode == 3) {
            return "ran out of Java heap (exit code 3)";
        }
        return "exited with code " + exitCode;
    }

    /** The short form the run's message carries: "killed by signal 9". */
    static String cause(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            return "killed by signal " + (exitCode - 128);
        }
        if (exitCode == 3) {
            return "out of Java heap";
        }
        return "exit code " + exitCode;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> " (SIGKILL: kill -9, or the kernel's out-of-memory killer)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT: a native crash)";
            case 11 -> " (SIGSEGV: a native crash)";
            default -> "";
        };
    }
}
