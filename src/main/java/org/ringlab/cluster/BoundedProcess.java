package org.ringlab.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local command (ssh, rsync) with a time limit, keeping at most a fixed number of bytes of
 * its output: a remote command that floods its output or hangs cannot grow this process's memory
 * or block the caller for ever.
 */
final class BoundedProcess {
    /** What a command left: its exit status and the kept part of its output. */
    record Result(int exit, String out, String err, boolean outCut) {
    }

    /** Most bytes kept of standard output; the rest is read and dropped. */
    static final int MAX_OUT = 4 << 20;
    /** Most bytes kept of standard error: its last lines say what went wrong. */
    static final int MAX_ERR = 64 << 10;

    private BoundedProcess() {
    }

    /**
     * @param input written to the command's standard input, then closed; null for none
     * @throws SshException when the command cannot start or runs past {@code timeout}
     */
    static Result run(List<String> command, byte[] input, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new SshException(command.get(0) + ": cannot start (" + e.getMessage() + "); is it installed?", e);
        }
        Capture out = new Capture(process.getInputStream(), MAX_OUT, false);
        Capture err = new Capture(process.getErrorStream(), MAX_ERR, true);
        out.start();
        err.start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        } catch (IOException e) {
            // the command exited without reading its input: its exit status and stderr say why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new SshException(command.get(0) + ": no answer within " + timeout.toSeconds() + " s");
            }
            out.join(5000);
            err.join(5000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SshException(command.get(0) + ": interrupted", e);
        }
        return new Result(process.exitValue(), out.text(), err.text(), out.cut);
    }

    /** Drains one stream on a thread of its own, keeping the first (or, for stderr, the last) bytes. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final int limit;
        private final boolean keepTail;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile boolean cut;

        Capture(InputStream in, int limit, boolean keepTail) {
            super("ringlab-ssh-output");
            setDaemon(true);
            this.in = in;
            this.limit = limit;
            this.keepTail = keepTail;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (kept) {
                        if (kept.size() + n <= limit) {
                            kept.write(buffer, 0, n);
                        } else if (keepTail) {
                            byte[] all = kept.toByteArray();
                            kept.reset();
                            int drop = Math.max(0, all.length + n - limit);
                            kept.write(all, Math.min(drop, all.length), all.length - Math.min(drop, all.length));
                            kept.write(buffer, 0, n);
                            cut = true;
                        } else {
                            cut = true;
                        }
                    }
                }
            } catch (IOException e) {
                // the process went away: what was read so far is all there is
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
