package org.ringlab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.config.Setting;
import org.ringlab.config.Settings;
import org.ringlab.io.RegularFile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The run-configuration flags, one per {@link Settings} entry, generated with picocli's
 * programmatic API when this mixin joins a command. Each long name is also the key in a
 * {@code --config} JSON file, so the flags given on the command line are laid over the file's keys
 * and parsed by the same {@link RunConfigJson} code: one set of types, defaults and error messages
 * for both.
 */
final class ConfigOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--config", paramLabel = "FILE.json", description = "Run configuration; flags override its keys.")
    Path configFile;

    /** The command this mixin joined. */
    private CommandSpec command;

    /** Called by picocli with the command this mixin joins: adds one option per setting. */
    @Spec(Spec.Target.MIXEE)
    void addSettings(CommandSpec mixee) {
        this.command = mixee;
        for (Setting<?> setting : Settings.all()) {
            mixee.addOption(option(setting));
        }
    }

    /** {@code --ring-size N}; booleans as {@code --[no-]batch-norm}; enums and schedules as text. */
    static OptionSpec option(Setting<?> setting) {
        Class<?> type = setting.type();
        Class<?> optionType = type == Integer.class || type == Long.class || type == Double.class
                || type == Boolean.class ? type : String.class;
        OptionSpec.Builder b = OptionSpec.builder("--" + setting.key())
                .type(optionType)
                .description(setting.description());
        if (type == Boolean.class) {
            b.negatable(true).arity("0");
        } else {
            b.paramLabel(setting.paramLabel() != null ? setting.paramLabel() : "<" + setting.fieldName() + ">");
        }
        return b.build();
    }

    /** The value of a setting's flag as given on the command line, or null when it was not given. */
    Object flag(String key) {
        OptionSpec option = command.findOption("--" + key);
        return option == null ? null : option.getValue();
    }

    /** The configuration: defaults, then the file, then the flags given. */
    RunConfig resolve(ParseResult parsed) {
        try {
            ObjectNode node = configFile == null ? JSON.createObjectNode() : readFile(configFile);
            for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
                for (OptionSpec o : pr.matchedOptions()) {
                    String key = o.longestName().substring(2);
                    if (Settings.byKey(key) != null) {
                        node.set(key, JSON.valueToTree(o.getValue()));
                    }
                }
            }
            return RunConfigJson.fromJson(node.toString());
        } catch (InvalidConfigException e) {
            throw UserError.of(e);
        }
    }

    private static ObjectNode readFile(Path file) {
        String kind = RegularFile.problem(file);
        if ("does not exist".equals(kind)) {
            throw new UserError("--config " + file + ": no such file");
        }
        if (kind != null) {
            throw new UserError("--config " + file + " " + kind);
        }
        RunConfig fromFile = RunConfigJson.read(file);
        try {
            return (ObjectNode) JSON.readTree(RunConfigJson.toJson(fromFile));
        } catch (java.io.IOException e) {
            throw new UserError("--config " + file + ": " + e.getMessage(), e);
        }
    }
}
