package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.figures.RunData;
import org.ringlab.store.RecordedRuns;
import org.ringlab.store.RunRef;
import org.ringlab.store.RunStore;
import org.ringlab.tables.RunTable;
import picocli.CommandLine.Option;

/**
 * {@code --run} and {@code --workspace} of the commands that read recorded runs (export, export-all,
 * export-data, compare), a picocli mixin: a run is a run directory of {@code ringlab train --out}, a
 * workspace run's folder {@code W/runs/<id>}, or with {@code --workspace W} a workspace run's id.
 */
final class RunArguments {
    static final String RUN_HELP = "A run directory of 'ringlab train', a workspace run's folder (W/runs/3), or with "
            + "--workspace a workspace run's id; repeat for several.";

    @Option(names = "--run", paramLabel = "RUN", description = RUN_HELP)
    List<String> runs = new ArrayList<>();

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The workspace whose runs a numeric --run names (train --workspace, the window's store).")
    Path workspace;

    /** The runs named, in order; one clear line when there is none or one cannot exist. */
    List<RunRef> refs() {
        if (runs.isEmpty()) {
            throw new UserError("no runs given: use --run RUN (repeatable)");
        }
        List<RunRef> refs = new ArrayList<>();
        for (String text : runs) {
            RunRef ref = RunRef.parse(text, workspace);
            if (ref.inWorkspace() && !Files.isRegularFile(ref.workspace().resolve(RunStore.DATABASE))) {
                throw new UserError("--workspace " + ref.workspace() + ": not a workspace (it holds no "
                        + RunStore.DATABASE + ")");
            }
            if (!ref.inWorkspace() && workspace == null && text.strip().matches("[0-9]+")
                    && !Files.isDirectory(ref.folder())) {
                throw new UserError("--run " + text + ": no such run directory; for run " + text.strip()
                        + " of a workspace add --workspace DIR");
            }
            refs.add(ref);
        }
        return refs;
    }

    /** The runs as figures draw them. */
    static List<RunData> figureData(List<RunRef> refs) {
        List<RunData> data = new ArrayList<>();
        for (RunRef ref : refs) {
            try {
                data.addAll(RecordedRuns.figureData(List.of(ref)));
            } catch (IOException e) {
                throw new UserError((ref.inWorkspace() ? ref.toString() : "--run " + ref.folder()) + ": "
                        + e.getMessage(), e);
            }
        }
        return data;
    }

    /** The runs as tables list them. */
    static RunTable table(List<RunRef> refs) {
        try {
            return RecordedRuns.table(refs);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
