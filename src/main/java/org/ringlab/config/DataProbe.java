package org.ringlab.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Looks at a data folder for {@link ConfigValidator}; the data package implements it, so this
 * package need not depend on the readers.
 */
@FunctionalInterface
public interface DataProbe {

    /**
     * @throws IOException when the folder cannot be read as a data set; the message should name
     *     the offending file and the problem, since it is shown to the user as it is
     */
    DataDescription describe(Path dir, int imageSize) throws IOException;

    /**
     * What keeps {@code config} from running on the machine that will train it (memory, threads),
     * one line each as {@link ConfigValidator} writes them. None by default: only a probe that runs
     * where the run will train can tell (the UI's probe may face a remote worker).
     *
     * @param data the folder's description, or null when it could not be read
     */
    default List<String> machineLimits(RunConfig config, DataDescription data) {
        return List.of();
    }
}
