package org.ringlab.ui.compare;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.ringlab.cluster.ClusterSweepRequest;
import org.ringlab.cluster.SshTarget;

/**
 * Sends a sweep to a Slurm cluster and follows it (supplied by the main window); the dialog only
 * describes the sweep.
 */
@FunctionalInterface
public interface ClusterSender {
    /**
     * Submits off the JavaFX thread and returns at once.
     *
     * @param mounted the sweep folder as mounted on this machine, read instead of an rsync copy; null for none
     * @param done told on the JavaFX thread: null when the job was submitted (its following has
     *     started), else the one line that says what failed
     */
    void send(SshTarget target, ClusterSweepRequest request, Path mounted, Consumer<String> done);
}
