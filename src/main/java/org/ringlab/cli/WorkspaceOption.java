package org.ringlab.cli;

import java.nio.file.Path;
import org.ringlab.store.RunStore;
import picocli.CommandLine.Option;

/** {@code --workspace DIR} of the commands that work on a workspace's run store (a picocli mixin). */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR", description = "The workspace (default: ~/.ringlab/workspace).")
    Path workspace;

    /** The store of the workspace given, or of the default one. */
    RunStore open() {
        return open(workspace);
    }

    /** The store of {@code workspace}, or of the default one when it is null. */
    static RunStore open(Path workspace) {
        return RunStore.open(workspace != null ? workspace : RunStore.defaultWorkspace());
    }
}
