package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The names in a data folder, and errors about the folder that show what it holds. */
final class FolderListing {

    /** Longer listings are cut in error messages. */
    private static final int NAMES_SHOWN = 20;

    private final Path dir;
    private final List<String> files;
    private final List<String> folders;

    private FolderListing(Path dir, List<String> files, List<String> folders) {
        this.dir = dir;
        this.files = files;
        this.folders = folders;
    }

    /** Lists {@code dir}; fails if it is missing or not a folder. */
    static FolderListing of(Path dir, String expected) throws IOException {
        if (!Files.exists(dir)) {
            throw new DataFormatException(dir + ": no such folder; expected a folder holding " + expected);
        }
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir + " is a file, not a folder; expected a folder holding " + expected);
        }
        List<String> files = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                (Files.isDirectory(entry) ? folders : files).add(entry.getFileName().toString());
            }
        }
        return new FolderListing(dir, List.copyOf(files), List.copyOf(folders));
    }

    Path dir() {
        return dir;
    }

    /** @return the names of the regular files (and anything else that is not a folder), sorted */
    List<String> files() {
        return files;
    }

    /** @return the names of the sub-folders, sorted */
    List<String> folders() {
        return folders;
    }

    /** @return the folder's name, to name the data sets read from it */
    String name() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** A problem with the folder as a whole; the message ends with what the folder holds. */
    DataFormatException problem(String what) {
        return new DataFormatException(dir + ": " + what + "; found " + contents());
    }

    private String contents() {
        List<String> names = new ArrayList<>(files);
        folders.forEach(folder -> names.add(folder + "/"));
        if (names.isEmpty()) {
            return "nothing (the folder is empty)";
        }
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), NAMES_SHOWN)));
        return names.size() <= NAMES_SHOWN ? shown : shown + " and " + (names.size() - NAMES_SHOWN) + " more";
    }
}
