package org.ringlab.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends sweeps to clusters and follows them, on threads of its own: one SSH connection per login
 * host, shared by the submission, the status polls and the copies. Every sweep sent is recorded in
 * the workspace, so {@link #resumeAll} follows it on after a restart. Closing stops the following
 * and the connections, never the sweep: it runs on under Slurm.
 */
public final class ClusterSweeps implements AutoCloseable {
    /** What a followed sweep reports, on the follower's thread. */
    public interface Listener {
        /** A poll went through: Slurm's view and the runs imported so far (folder name → store id). */
        void progressed(ClusterSweep sweep, SweepStatus status, Map<String, Long> imported);

        /** A poll failed; the follower tries again at the next interval. */
        void failed(ClusterSweep sweep, String message);

        /** Every run ended and its final files were copied and imported; following stopped. */
        default void ended(ClusterSweep sweep, SweepStatus status) {
        }
    }

    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);

    private final Path workspace;
    private final RunsImport importer;
    private final Duration interval;
    private final Map<String, SshConnection> connections = new HashMap<>();
    private final List<Thread> followers = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param importer brings copied run folders into the workspace's store; null copies only
     * @param interval time between two polls of a sweep
     */
    public ClusterSweeps(Path workspace, RunsImport importer, Duration interval) {
        this.workspace = workspace;
        this.importer = importer;
        this.interval = interval;
    }

    public Path workspace() {
        return workspace;
    }

    private synchronized SshConnection connection(SshTarget target) {
        return connections.computeIfAbsent(target.toString() + " " + target.configFile(), k -> new SshConnection(target));
    }

    /**
     * Writes the base configuration into the remote sweep folder, submits the job array and
     * records the sweep in the workspace. Blocks on the network: call it off the JavaFX thread.
     *
     * @throws SshException with one line saying what failed (connection, remote command, its answer)
     */
    public ClusterSweep submit(SshTarget target, ClusterSweepRequest request) {
        return submit(target, request, null);
    }

    /**
     * The same, reading the run folders where the sweep folder is mounted on this machine.
     *
     * @param mounted the sweep folder as mounted here; null copies it with rsync
     */
    public ClusterSweep submit(SshTarget target, ClusterSweepRequest request, Path mounted) {
        SshConnection ssh = connection(target);
        // a folder that holds a sweep already keeps it, base.json included
        ssh.write(request.baseConfigFile(), request.baseConfigJson(), COMMAND_TIMEOUT, request.dir() + "/sweep.json",
                request.remoteDir() + " already holds a sweep (sweep.json); choose another remote sweep folder");
        String out = ssh.run(request.submitCommand(), COMMAND_TIMEOUT);
        ClusterSweep sweep = ClusterSweep.submitted(workspace, target, request, ClusterSweepRequest.jobId(out),
                mounted);
        try {
            sweep.save();
        } catch (IOException e) {
            throw new SshException("job " + sweep.job() + " was submitted, but recording it in " + workspace
                    + " failed (" + e.getMessage() + "); follow it with 'ringlab sweep status " + request.remoteDir()
                    + "' on " + target, e);
        }
        return sweep;
    }

    /** One poll's outcome: Slurm's view and the runs imported (folder name → store id). */
    public record Poll(SweepStatus status, Map<String, Long> imported) {
    }

    /** Polls once: Slurm's view, a copy of the run folders (unless mounted), their import. Blocks on the network. */
    public Poll pollOnce(ClusterSweep sweep) throws IOException {
        SshConnection ssh = connection(sweep.target());
        SweepStatus status = SweepStatus.parse(ssh.run(ClusterSweepRequest.statusCommand(sweep.ringlab(), sweep.remoteDir()),
                null, COMMAND_TIMEOUT, ClusterSweepRequest.STATUS_EXITS));
        if (sweep.mounted() == null) {
            ssh.copyBack(sweep.remoteDir(), sweep.local(), COPY_TIMEOUT);
        }
        return new Poll(status, importer == null ? Map.of() : importer.importRuns(sweep.runsFolder(), status));
    }

    /** Follows a sweep on a daemon thread until every run ended or this is closed. */
    public synchronized void follow(ClusterSweep sweep, Listener listener) {
        if (closed.get()) {
            return;
        }
        Thread t = new Thread(() -> followLoop(sweep, listener), "ringlab-cluster-" + sweep.key());
        t.setDaemon(true);
        followers.add(t);
        t.start();
    }

    /** Follows every sweep the workspace recorded that had not ended; returns them. */
    public List<ClusterSweep> resumeAll(Listener listener, List<String> problems) {
        List<ClusterSweep> open = ClusterSweep.list(workspace, problems).stream().filter(s -> !s.ended()).toList();
        open.forEach(s -> follow(s, listener));
        return open;
    }

    private void followLoop(ClusterSweep sweep, Listener listener) {
        while (!closed.get()) {
            try {
                Poll poll = pollOnce(sweep);
                listener.progressed(sweep, poll.status(), poll.imported());
                if (poll.status().ended()) {
                    sweep.withEnded().save();
                    listener.ended(sweep, poll.status());
                    return;
                }
            } catch (IOException | RuntimeException e) {
                if (closed.get()) {
                    return;
                }
                listener.failed(sweep, e.getMessage() == null ? e.toString() : e.getMessage());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops following and closes the connections; the sweeps themselves run on. */
    @Override
    public void close() {
        List<Thread> threads;
        List<SshConnection> open;
        synchronized (this) {
            closed.set(true);
            threads = new ArrayList<>(followers);
            open = new ArrayList<>(connections.values());
            connections.clear();
        }
        threads.forEach(Thread::interrupt);
        open.forEach(SshConnection::close);
    }
}
