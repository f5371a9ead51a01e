package org.ringlab.figures;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Figure widths of common venues' LaTeX templates, one column and the full text width, so that a figure
 * is included at 100 % and its 7–9 pt text prints at 7–9 pt.
 */
public enum VenueSize {
    IEEE_SINGLE(3.5),
    IEEE_DOUBLE(7.16),
    ICML_SINGLE(3.25),
    ICML_DOUBLE(6.75),
    NEURIPS(5.5),
    ACM_SINGLE(3.33),
    ACM_DOUBLE(7.0);

    private final double widthInches;

    VenueSize(double widthInches) {
        this.widthInches = widthInches;
    }

    /** As on the command line: "ieee-single". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public double widthInches() {
        return widthInches;
    }

    /** "ieee-single (3.5 in)", for help texts. */
    public String describe() {
        return id() + " (" + widthInches + " in)";
    }

    /** @throws IllegalArgumentException listing the presets when the id is none of them */
    public static VenueSize parse(String text) {
        String id = text.strip().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(v -> v.id().equals(id)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("no size preset '" + text + "'; presets: "
                        + Stream.of(values()).map(VenueSize::id).collect(Collectors.joining(", "))));
    }
}
