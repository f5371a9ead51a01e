package org.ringlab.train.init;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What starting from a pretrained network did to each quantized layer.
 *
 * @param source what was read
 * @param rule the method's initialisation rule, with its evidence labels
 * @param layers one entry per quantized layer, in forward order
 */
public record InitReport(String source, String rule, List<Layer> layers) {
    /** The file beside a run's bits.json that keeps this report. */
    public static final String FILE = "init.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public InitReport {
        layers = List.copyOf(layers);
    }

    /**
     * @param name the layer's name
     * @param scale the s its output was divided by (absorbed by the next BatchNorm); 1 for none
     * @param softError ‖s·w − W‖/‖W‖ of the weights w the method trains with (the ring's soft r(p);
     *     for STE methods the quantized weights themselves)
     * @param snappedError ‖s·w_q − W‖/‖W‖ of the deployed (snapped) weights w_q
     */
    public record Layer(String name, double scale, double softError, double snappedError) {
    }

    /** The info lines a run logs: the source and rule, then one line per quantized layer. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("initialised from " + source + ": " + rule);
        for (Layer l : layers) {
            lines.add(String.format(Locale.ROOT, "init %s: scale %.4g, relative weight error soft %.4f, snapped %.4f",
                    l.name(), l.scale(), l.softError(), l.snappedError()));
        }
        return lines;
    }

    /** Writes the report as JSON, atomically. */
    public void writeTo(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(this) + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static InitReport read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), InitReport.class);
    }
}
