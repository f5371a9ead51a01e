package org.ringlab.sweep.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sweep.json}, the record of a sweep submitted to Slurm: its job id and, for each array task
 * index, the grid point's name and run folder. Everything that follows the sweep (status, cancel,
 * import) starts from this file, so it lives in the sweep folder on the shared filesystem.
 *
 * @param job the array job's id as sbatch printed it
 * @param launcher the ringlab launcher the tasks run
 * @param submitted when it was submitted (ISO-8601)
 * @param runs one per array task, in index order
 */
public record SweepManifest(String job, String launcher, String submitted, List<Run> runs) {
    /** The file's name inside the sweep folder. */
    public static final String FILE = "sweep.json";
    /** Written by {@code sweep cancel}: tasks that ended without finishing count as cancelled. */
    public static final String CANCELLED = "cancelled";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One grid point.
     *
     * @param index its array task index
     * @param name its name, as for a local sweep
     * @param dir its run folder, absolute
     */
    public record Run(int index, String name, Path dir) {
    }

    public SweepManifest {
        runs = List.copyOf(runs);
    }

    public static Path file(Path sweepDir) {
        return sweepDir.resolve(FILE);
    }

    /** Writes the manifest atomically (a temporary file renamed into place). */
    public void write(Path sweepDir) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("job", job);
        root.put("launcher", launcher);
        root.put("submitted", submitted);
        ArrayNode array = root.putArray("runs");
        for (Run r : runs) {
            array.addObject().put("index", r.index()).put("name", r.name()).put("dir", r.dir().toString());
        }
        Path tmp = sweepDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        Files.move(tmp, file(sweepDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** @throws IOException naming the file when it is missing or is not a sweep manifest */
    public static SweepManifest read(Path sweepDir) throws IOException {
        Path file = file(sweepDir);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(file + ": no such file (is " + sweepDir + " a folder 'ringlab sweep --executor slurm' "
                    + "submitted?)", e);
        } catch (IOException e) {
            throw new IOException(file + ": not a sweep manifest (" + e.getMessage().lines().findFirst().orElse("")
                    + ")", e);
        }
        if (root == null || !root.path("job").isTextual() || !root.path("runs").isArray()) {
            throw new IOException(file + ": not a sweep manifest (no job or runs)");
        }
        List<Run> runs = new ArrayList<>();
        for (JsonNode r : root.path("runs")) {
            if (!r.path("index").isInt() || !r.path("name").isTextual() || !r.path("dir").isTextual()) {
                throw new IOException(file + ": run entry " + r + " needs index, name and dir");
            }
            runs.add(new Run(r.get("index").asInt(), r.get("name").asText(), Path.of(r.get("dir").asText())));
        }
        return new SweepManifest(root.get("job").asText(), root.path("launcher").asText(""),
                root.path("submitted").asText(""), runs);
    }

    /** The run of array task {@code index}. @throws IOException when the sweep has none */
    public Run run(int index) throws IOException {
        return runs.stream().filter(r -> r.index() == index).findFirst()
                .orElseThrow(() -> new IOException("the sweep has no task " + index + " (it has " + runs.size()
                        + ")"));
    }
}
