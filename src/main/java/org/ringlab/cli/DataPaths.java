package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;

/**
 * Resolves a data folder given on the command line. A relative path that does not exist in the
 * working directory is looked up under the installation ({@code ringlab.home}, set by the
 * launcher), so the default {@code sample-data} works from anywhere.
 */
final class DataPaths {
    private DataPaths() {
    }

    static Path resolve(String dir) {
        Path p = Path.of(dir);
        if (!p.isAbsolute() && !Files.exists(p)) {
            String home = System.getProperty("ringlab.home");
            if (home != null && Files.exists(Path.of(home).resolve(dir))) {
                return Path.of(home).resolve(dir);
            }
        }
        return p;
    }

    /** The data set in {@code folder}; the reader's one-line message as a usage error when it cannot be read. */
    static LoadedData load(Path folder, int imageSize) {
        try {
            return DataSets.load(folder, imageSize);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
