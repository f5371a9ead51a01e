package org.ringlab.cli;

import picocli.CommandLine.Option;

/** {@code --threads N} of the commands that evaluate on the engine (a picocli mixin). */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N", description = "Intra-op threads.")
    Integer threads;

    /** Sets the engine's threads: the option's, or {@code otherwise} when it is not given (0: the engine's own). */
    void apply(int otherwise) {
        EngineSettings.threads(threads != null ? threads : otherwise);
    }
}
