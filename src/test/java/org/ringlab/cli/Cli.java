package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link RingLabCli} in-process and captures what it prints. */
final class Cli {

    /** The real MNIST in the project's sample-data folder. */
    static final Path SAMPLE_DATA =
            Path.of(System.getProperty("ringlab.repo", System.getProperty("user.dir"))).resolve("sample-data")
                    .toAbsolutePath();

    private Cli() {
    }

    record Result(int code, String out, String err) {

        /** stderr's lines, without picocli's "Try 'ringlab ... --help'." hint. */
        List<String> errorLines() {
            return err.lines().filter(l -> !l.isBlank() && !l.startsWith("Try '")).toList();
        }

        /** Exit code 2 and exactly one error line (plus the optional hint), no stack trace; returns that line. */
        String assertUsageError() {
            assertEquals(RingLabCli.USAGE, code, () -> "exit code; stderr:\n" + err + "\nstdout:\n" + out);
            assertFalse(err.contains("\tat "), () -> "stack trace on stderr:\n" + err);
            assertFalse(err.contains("Exception"), () -> "exception name on stderr:\n" + err);
            List<String> lines = errorLines();
            assertEquals(1, lines.size(), () -> "expected one error line, got:\n" + err);
            assertTrue(lines.get(0).startsWith("ringlab: "), lines.get(0));
            assertTrue(out.isBlank(), () -> "a refused command printed to stdout:\n" + out);
            return lines.get(0);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
            code = RingLabCli.execute(o, e, args);
        }
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * {@code train} on a tiny class-balanced MNIST subset (MLP, 512/256 images, one epoch, one thread) into
     * {@code outDir}; a flag in {@code more} replaces the default of the same name.
     */
    static String[] tinyTrain(Path outDir, String... more) {
        List<String> moreArgs = List.of(more);
        String[][] defaults = {{"--data", SAMPLE_DATA.toString()}, {"--model", "mlp"}, {"--limit-train", "512"},
            {"--limit-test", "256"}, {"--epochs", "1"}, {"--threads", "1"}, {"--bn-recal-batches", "2"},
            {"--out", outDir.toString()}};
        List<String> args = new ArrayList<>(List.of("train"));
        for (String[] flag : defaults) {
            if (!moreArgs.contains(flag[0])) {
                args.addAll(List.of(flag));
            }
        }
        args.addAll(moreArgs);
        return args.toArray(String[]::new);
    }
}
