package org.ringlab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One multiplexed connection to a login host through the system's OpenSSH client: the first
 * command opens a master connection (ControlMaster=auto) whose socket lives in a private folder of
 * this process, every later ssh and rsync reuses it, and {@link #close} ends it. The user's keys,
 * agent and ~/.ssh/config apply as they are; BatchMode=yes makes ssh fail instead of asking for a
 * password or a host-key decision, since nobody sits at a terminal to answer.
 */
public final class SshConnection implements AutoCloseable {
    /** How long the master stays up after its last use, in case this process dies without closing it. */
    static final int PERSIST_SECONDS = 300;
    static final int CONNECT_TIMEOUT_SECONDS = 15;

    private final SshTarget target;
    private final Path controlDir;
    private final boolean ownsControlDir;

    /** Opens nothing yet: the master starts with the first command. */
    public SshConnection(SshTarget target) {
        this(target, privateFolder(), true);
    }

    /** With a given folder for the control socket (tests; it must be private to the user). */
    SshConnection(SshTarget target, Path controlDir, boolean ownsControlDir) {
        this.target = target;
        this.controlDir = controlDir;
        this.ownsControlDir = ownsControlDir;
    }

    private static Path privateFolder() {
        try {
            // short on purpose: a unix socket's path is limited to about 100 bytes
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rl-ssh",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException | UnsupportedOperationException e) {
            throw new SshException("ssh: cannot create a private folder for the connection socket: " + e.getMessage(), e);
        }
    }

    public SshTarget target() {
        return target;
    }

    /** The ssh options every call shares: the same master, never a prompt. */
    List<String> options() {
        List<String> o = new ArrayList<>();
        if (target.configFile() != null) {
            o.addAll(List.of("-F", target.configFile().toString()));
        }
        if (target.port() != 0) {
            o.addAll(List.of("-p", Integer.toString(target.port())));
        }
        o.addAll(List.of("-o", "BatchMode=yes", "-o", "ControlMaster=auto", "-o",
                "ControlPath=" + controlDir.resolve("%C"), "-o", "ControlPersist=" + PERSIST_SECONDS, "-o",
                "ConnectTimeout=" + CONNECT_TIMEOUT_SECONDS, "-o", "ServerAliveInterval=15"));
        return o;
    }

    /** The local command that runs {@code remote} (already a shell command line) on the host. */
    List<String> sshCommand(String remote) {
        List<String> c = new ArrayList<>();
        c.add("ssh");
        c.addAll(options());
        c.add("--");
        c.add(target.destination());
        c.add(remote);
        return c;
    }

    /**
     * rsync over the same master: the remote folder's contents into {@code local}. Checkpoints
     * stay on the cluster (the cluster resumes from them; the window only reads the records).
     */
    List<String> rsyncCommand(String remoteDir, Path local) {
        StringBuilder shell = new StringBuilder("ssh");
        for (String o : options()) {
            // rsync splits -e on spaces and honours quotes: quote each word the same way
            shell.append(' ').append(ShellQuote.quote(o));
        }
        String source = target.destination() + ":" + remotePath(remoteDir) + "/";
        return List.of("rsync", "--recursive", "--times", "--partial", "--protect-args", "--exclude=*.ckpt",
                "--exclude=" + "checkpoint.params", "-e", shell.toString(), source, local.toString() + "/");
    }

    /**
     * A remote path as ssh and rsync take it: relative paths start in the home folder, and a
     * leading "~/" (which a quoted word would not expand) means the same.
     */
    static String remotePath(String path) {
        String p = path.strip();
        if (p.equals("~")) {
            return ".";
        }
        return p.startsWith("~/") ? p.substring(2) : p;
    }

    /**
     * Runs a command line on the host and returns its standard output.
     *
     * @param args the command and its arguments, each quoted for the remote shell here
     * @param input sent to its standard input; null for none
     * @throws SshException naming the host and the first cause: cannot connect, or the command failed
     */
    public String run(List<String> args, byte[] input, Duration timeout) {
        return run(args, input, timeout, Set.of(0));
    }

    /** The same, for a command whose exit status says more than ok/failed: {@code ok} are the ones that are not failures. */
    public String run(List<String> args, byte[] input, Duration timeout, Set<Integer> ok) {
        BoundedProcess.Result r = BoundedProcess.run(sshCommand(ShellQuote.join(args)), input, timeout);
        if (r.exit() == 255) {
            throw new SshException("ssh: could not connect to " + target + ": " + reason(r.err(), "no reason given"));
        }
        if (!ok.contains(r.exit())) {
            throw new SshException(target + ": " + args.get(0) + " failed (exit " + r.exit() + "): "
                    + reason(r.err().isBlank() ? r.out() : r.err(), "no message"));
        }
        return r.out();
    }

    public String run(List<String> args, Duration timeout) {
        return run(args, null, timeout);
    }

    /** Writes {@code text} to a remote file, creating its folder. */
    public void write(String remoteFile, String text, Duration timeout) {
        write(remoteFile, text, timeout, null, null);
    }

    /**
     * The same, refusing (and changing nothing) when {@code guard} exists on the host.
     *
     * @param refusal the line the failure then ends with
     */
    public void write(String remoteFile, String text, Duration timeout, String guard, String refusal) {
        String file = remotePath(remoteFile);
        int slash = file.lastIndexOf('/');
        String dir = slash > 0 ? file.substring(0, slash) : ".";
        String script = "mkdir -p " + ShellQuote.quote(dir) + " && cat > " + ShellQuote.quote(file);
        if (guard != null) {
            script = "if [ -e " + ShellQuote.quote(remotePath(guard)) + " ]; then echo " + ShellQuote.quote(refusal)
                    + " >&2; exit 3; fi; " + script;
        }
        run(List.of("sh", "-c", script), text.getBytes(StandardCharsets.UTF_8), timeout);
    }

    /** Brings a remote folder's files here (only what changed since the last copy). */
    public void copyBack(String remoteDir, Path local, Duration timeout) {
        try {
            Files.createDirectories(local);
        } catch (IOException e) {
            throw new SshException("rsync: cannot create " + local + ": " + e.getMessage(), e);
        }
        BoundedProcess.Result r = BoundedProcess.run(rsyncCommand(remoteDir, local), null, timeout);
        if (r.exit() == 255 || (r.exit() == 12 && r.err().contains("connection unexpectedly closed"))) {
            throw new SshException("ssh: could not connect to " + target + ": " + reason(r.err(), "no reason given"));
        }
        if (r.exit() != 0) {
            throw new SshException("rsync from " + target + ":" + remoteDir + " failed (exit " + r.exit() + "): "
                    + reason(r.err(), "no message"));
        }
    }

    /**
     * The line of ssh's (or a command's) error output that says what went wrong: the last one
     * that is not a warning or rsync's own epilogue, without ssh's "user@host: " prefix.
     */
    static String reason(String err, String fallback) {
        String[] lines = err.strip().split("\\R", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            String lower = line.toLowerCase(Locale.ROOT);
            if (line.isEmpty() || lower.startsWith("warning:") || lower.startsWith("rsync error:")
                    || lower.startsWith("rsync: connection unexpectedly closed")) {
                continue;
            }
            line = line.replaceFirst("^ssh: ", "").replaceFirst("^[^\\s:@]+@[^\\s:]+: ", "");
            return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
        }
        return fallback;
    }

    /** Ends the master connection (if one is up) and removes the socket's folder. */
    @Override
    public void close() {
        List<String> exit = new ArrayList<>(List.of("ssh"));
        exit.addAll(options());
        exit.addAll(List.of("-O", "exit", "--", target.destination()));
        if (hasSocket()) {
            try {
                BoundedProcess.run(exit, null, Duration.ofSeconds(10));
            } catch (SshException e) {
                // the master is gone already, or hangs: ControlPersist ends it soon anyway
            }
        }
        if (ownsControlDir) {
            try (var files = Files.list(controlDir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(controlDir);
            } catch (IOException e) {
                // a temp folder left behind holds nothing secret: the socket is dead
            }
        }
    }

    /** Whether a master's socket exists (ssh names it by a hash of host, port and user: %C). */
    boolean hasSocket() {
        try (var files = Files.list(controlDir)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
