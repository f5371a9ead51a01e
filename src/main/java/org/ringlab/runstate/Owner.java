package org.ringlab.runstate;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * Identifies the process recording a run as {@code pid@host@start}: the start instant tells a live
 * process from a later one that reused the pid. The run store keeps it per run and a run folder's
 * run.json holds it, so whoever reads a run can tell a run still going from one whose process died
 * (killed, out of memory, a native abort) without a word.
 */
public final class Owner {
    private Owner() {
    }

    public static String current() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + "@" + host() + "@" + self.info().startInstant().map(Instant::toString).orElse("");
    }

    /** An owner on another machine, described by {@code where} (e.g. "slurm job 12_3"). */
    public static String elsewhere(String where) {
        return "0@" + where.replace('@', ' ') + " (not " + host() + ")@";
    }

    /** Whether that process still runs; unknown owners count as dead, other machines' as alive. */
    public static boolean isAlive(String owner) {
        if (owner == null || owner.isBlank()) {
            return false;
        }
        String[] parts = owner.split("@", 3);
        if (parts.length < 3) {
            return false;
        }
        if (!parts[1].equals(host())) {
            return true; // a shared workspace: this machine cannot see that process
        }
        long pid;
        try {
            pid = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        String start = handle.get().info().startInstant().map(Instant::toString).orElse("");
        return parts[2].isEmpty() || start.isEmpty() || start.equals(parts[2]);
    }

    /** "process 1234", or "process 1234 on host h" for another machine's, for messages. */
    public static String describe(String owner) {
        String[] parts = owner == null ? new String[0] : owner.split("@", 3);
        if (parts.length < 2) {
            return "process " + owner;
        }
        String pid = parts[0].equals(Long.toString(ProcessHandle.current().pid())) && parts[1].equals(host())
                ? parts[0] + " (this one)" : parts[0];
        return "process " + pid + (parts[1].equals(host()) ? "" : " on host " + parts[1]);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
