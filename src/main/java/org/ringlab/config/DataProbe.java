package org.ringlab.config;

import java.io.IOException;
import java.nio.file.Path;

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
    DataDescription describe(Path dir) throws IOException;
}
