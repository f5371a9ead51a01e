package org.ringlab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run as a user names it to the export and compare tools: a run directory of {@code ringlab
 * train --out}, or a run of a workspace, by its id or by its folder {@code W/runs/<id>}.
 *
 * @param folder the run's folder (for a workspace run, {@code W/runs/<id>}, which may lack files)
 * @param workspace the workspace holding the run, or null for a plain run directory
 * @param id the run's id in the workspace's store; 0 for a plain run directory
 */
public record RunRef(Path folder, Path workspace, long id) {

    /** A plain run directory, or a workspace run when {@code folder} is one ({@link #atFolder}). */
    public static RunRef of(Path folder) {
        return atFolder(folder).orElse(new RunRef(folder, null, 0));
    }

    /** Run {@code id} of {@code workspace}. */
    public static RunRef ofWorkspace(Path workspace, long id) {
        return new RunRef(workspace.resolve("runs").resolve(Long.toString(id)), workspace, id);
    }

    /**
     * What a command line's {@code --run TEXT} names: with a workspace given, a number is the id of
     * one of its runs; anything else is a folder.
     *
     * @param workspace the command's {@code --workspace}, or null
     */
    public static RunRef parse(String text, Path workspace) {
        String t = text.strip();
        if (workspace != null && t.matches("[0-9]{1,18}")) {
            return ofWorkspace(workspace, Long.parseLong(t));
        }
        return of(Path.of(t));
    }

    /**
     * The workspace run whose folder {@code folder} is: a folder named by a number inside the
     * {@code runs} folder of a workspace that holds a {@code runs.db}.
     */
    public static Optional<RunRef> atFolder(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        Path runs = abs.getParent();
        if (name == null || runs == null || runs.getParent() == null || runs.getFileName() == null
                || !"runs".equals(runs.getFileName().toString()) || !name.toString().matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        Path workspace = runs.getParent();
        if (!Files.isRegularFile(workspace.resolve(RunStore.DATABASE))) {
            return Optional.empty();
        }
        return Optional.of(new RunRef(folder, workspace, Long.parseLong(name.toString())));
    }

    public boolean inWorkspace() {
        return workspace != null;
    }

    @Override
    public String toString() {
        return inWorkspace() ? "run " + id + " of " + workspace : folder.toString();
    }
}
