package org.ringlab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.MalformedModelException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.ringlab.nn.BuiltModel;

/** Saves and loads a model's parameters; writes go to a temporary file renamed into place. */
public final class Checkpoints {
    private Checkpoints() {
    }

    public static void save(BuiltModel model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                model.block().saveParameters(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Loads into an initialised model; a wrong or damaged file is an IOException naming it. */
    public static void load(BuiltModel model, NDManager manager, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            model.block().loadParameters(manager, in);
        } catch (MalformedModelException | RuntimeException e) {
            throw new IOException(file + ": not a checkpoint of this model (" + Failures.describe(e) + ")", e);
        }
    }
}
