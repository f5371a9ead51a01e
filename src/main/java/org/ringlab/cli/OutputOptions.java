package org.ringlab.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Checks every command's output options ({@code --out}, {@code --out-dir}) in one place, before the
 * command runs: an empty value would mean the current folder, and an existing path of the wrong
 * kind (a device such as /dev/null, a folder where a file goes, a file where a folder goes) would
 * only fail later, deep in a write, with a bare file name. The option's label says which kind it
 * wants: {@code FILE} or {@code DIR}.
 */
final class OutputOptions {
    private OutputOptions() {
    }

    /** @throws CommandLine.ParameterException naming the option and the problem */
    static void check(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (OptionSpec option : p.matchedOptions()) {
                String name = option.longestName();
                if (name.equals("--out") || name.equals("--out-dir")) {
                    String problem = problem(name, option.paramLabel(), option.getValue());
                    if (problem != null) {
                        throw new CommandLine.ParameterException(p.commandSpec().commandLine(), problem);
                    }
                }
            }
        }
    }

    private static String problem(String name, String label, Object value) {
        String text = value == null ? "" : value.toString();
        boolean folder = label.contains("DIR");
        if (text.isBlank()) {
            return name + " is empty; name " + (folder ? "a folder" : "a file");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            return name + " " + text + " is not a valid path (" + e.getReason() + ")";
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            return null;
        }
        if (folder && !Files.isDirectory(path)) {
            return name + " " + text + " is " + kind(path) + ", not a folder";
        }
        if (!folder && !Files.isRegularFile(path)) {
            return name + " " + text + " is " + kind(path) + ", not a regular file";
        }
        return null;
    }

    private static String kind(Path path) {
        if (Files.isDirectory(path)) {
            return "a folder";
        }
        if (Files.isRegularFile(path)) {
            return "a file";
        }
        return Files.exists(path) ? "a device or other special file" : "a dangling link";
    }
}
