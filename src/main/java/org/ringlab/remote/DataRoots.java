package org.ringlab.remote;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders a worker reads data from. A data path sent by a client is resolved to its real
 * path (symlinks and {@code ..} followed) and used only if it lies inside one of them; anything
 * else is refused with the same words whether it exists or not, so that a client learns nothing
 * about the rest of the worker's file system.
 */
public final class DataRoots {
    /** The one answer to a path outside the roots: it names nothing that is there. */
    public static final String OUTSIDE = "data folder is outside the worker's data roots";

    private final List<Path> roots;

    private DataRoots(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /**
     * @param dirs folders, each resolved to its real path
     * @throws WorkerException naming a folder that does not exist or is not a folder
     */
    public static DataRoots of(List<Path> dirs) {
        List<Path> real = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new WorkerException("--data-root " + dir + ": not a folder");
            }
            try {
                real.add(dir.toRealPath());
            } catch (IOException e) {
                throw new WorkerException("--data-root " + dir + ": cannot be resolved (" + e.getMessage() + ")", e);
            }
        }
        return new DataRoots(real);
    }

    /**
     * Without {@code --data-root}: the {@code sample-data} folder of the working directory, or of
     * the installation ({@code ringlab.home}) where the working directory has none; no root at all
     * when neither exists.
     */
    public static DataRoots defaults() {
        Path local = Path.of("sample-data");
        if (Files.isDirectory(local)) {
            return of(List.of(local));
        }
        String home = System.getProperty("ringlab.home");
        if (home != null && Files.isDirectory(Path.of(home, "sample-data"))) {
            return of(List.of(Path.of(home, "sample-data")));
        }
        return new DataRoots(List.of());
    }

    /**
     * Every file system root: for the worker the workbench launches for its own user, who may
     * pick any folder that user can read (only the workbench holds that worker's token).
     */
    public static DataRoots anywhere() {
        List<Path> all = new ArrayList<>();
        FileSystems.getDefault().getRootDirectories().forEach(all::add);
        return of(all);
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * The real path of {@code data} (relative to the working directory, or to the installation
     * for a relative path that only exists there, as the CLI resolves it).
     *
     * @throws IllegalArgumentException with {@link #OUTSIDE} for anything outside the roots, or
     *     saying that a folder inside them does not exist or is a file
     */
    public Path resolve(String data) {
        Path path;
        try {
            path = Path.of(data);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(OUTSIDE);
        }
        if (!path.isAbsolute() && !Files.exists(path)) {
            String home = System.getProperty("ringlab.home");
            if (home != null && Files.exists(Path.of(home).resolve(path))) {
                path = Path.of(home).resolve(path);
            }
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            // only inside the roots may a client learn that something is missing
            if (inside(realAncestor(absolute))) {
                throw new IllegalArgumentException("folder does not exist");
            }
            throw new IllegalArgumentException(OUTSIDE);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(OUTSIDE);
        }
        if (!inside(real)) {
            throw new IllegalArgumentException(OUTSIDE);
        }
        if (!Files.isDirectory(real)) {
            throw new IllegalArgumentException("is a file; expected a folder");
        }
        return real;
    }

    private boolean inside(Path real) {
        return real != null && roots.stream().anyMatch(real::startsWith);
    }

    /** The real path of the deepest ancestor that exists, or null. */
    private static Path realAncestor(Path absolute) {
        for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
            try {
                return p.toRealPath();
            } catch (IOException | SecurityException e) {
                // go up further
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return roots.isEmpty() ? "(none)" : String.join(", ", roots.stream().map(Path::toString).toList());
    }
}
