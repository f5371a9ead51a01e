package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data set on disk is missing, incomplete or malformed. The message names the file or folder
 * and says in plain words what is wrong, so it can be shown to the user as it is.
 */
public class DataFormatException extends IOException {

    /** @param message what is wrong, naming the file or folder */
    public DataFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file or folder
     * @param cause the low-level error (end of stream, corrupt gzip data) that revealed it
     */
    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A problem with one file: the message is {@code "<file name>: <problem>"}. */
    static DataFormatException inFile(Path file, String problem) {
        return new DataFormatException(file.getFileName() + ": " + problem);
    }
}
