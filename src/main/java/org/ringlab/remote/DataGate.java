package org.ringlab.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.train.DataSetProbe;
import org.ringlab.train.Failures;

/**
 * Lets a client's run configuration reach the training service only with a data folder inside
 * the worker's {@link DataRoots}, and answers a data problem without revealing the worker's
 * files: a client's error never lists a folder or quotes a file, whatever the data readers would
 * say. The full reason goes to the worker's own log, for its operator.
 */
final class DataGate {
    static final String NOT_READABLE = "not a data set this worker can read (it expects IDX images and labels for a "
            + "training and a test split, or CIFAR-10 binary batches); the worker's log says why";

    private final DataRoots roots;
    private final Consumer<String> log;

    DataGate(DataRoots roots, Consumer<String> log) {
        this.roots = roots;
        this.log = log;
    }

    /**
     * @return {@code config} with its data folder replaced by the real path it was checked at,
     *     so that what trains is what was checked
     * @throws InvalidConfigException listing the data problem with every other violation
     */
    RunConfig admit(RunConfig config) {
        Path dir;
        try {
            dir = checked(config);
        } catch (IllegalArgumentException e) {
            List<String> problems = new ArrayList<>(config.validate(null));
            problems.add(0, "data " + config.data() + ": " + e.getMessage());
            throw new InvalidConfigException(problems);
        }
        return config.toBuilder().data(dir.toString()).build();
    }

    /**
     * For a stored run about to be resumed: its data must still be inside the roots.
     *
     * @throws IllegalArgumentException saying why not
     */
    void checkStored(String runId, RunConfig config) {
        try {
            checked(config);
        } catch (IllegalArgumentException e) {
            // the stored path came from whoever recorded the run, not from this client: not shown
            throw new IllegalArgumentException("run " + runId + " cannot be resumed here: its data: " + e.getMessage(), e);
        }
    }

    /** The real path of the data folder, read as a data set. @throws IllegalArgumentException saying why not */
    private Path checked(RunConfig config) {
        Path dir = roots.resolve(config.data());
        try {
            new DataSetProbe().describe(dir, config.imageSize());
            return dir;
        } catch (IOException | RuntimeException e) {
            // whatever a reader says may show the folder or the file; only the operator sees it
            Failures.debug(e);
            log.accept("refused data " + dir + " from a client: " + Failures.describe(e));
            throw new IllegalArgumentException(NOT_READABLE);
        }
    }
}
