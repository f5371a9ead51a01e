package org.ringlab.cli;

import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;
import org.ringlab.figures.FigureFont;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.PaperStyle;
import org.ringlab.figures.StepCurve;
import org.ringlab.figures.VenueSize;

/** Turns the figure commands' flags into figure values, each problem a one-line user error. */
final class FigureArguments {
    private FigureArguments() {
    }

    /** The size presets as --help lists them, from {@link VenueSize} (declared there once). */
    static final class SizePresets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(VenueSize.values()).map(VenueSize::describe).iterator();
        }
    }

    static FigureFormat format(String option, String text) {
        for (FigureFormat f : FigureFormat.values()) {
            if (f.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new UserError(option + " " + text + ": expected svg, pdf or png");
    }

    /**
     * The printed size from --size or --width-in (not both), --height-in and --dpi.
     *
     * @param fallbackWidth the width when neither --size nor --width-in is given
     */
    static FigureSize size(String preset, Double widthInches, Double heightInches, int dpi, double fallbackWidth) {
        if (preset != null && widthInches != null) {
            throw new UserError("--size " + preset + " and --width-in " + widthInches + ": give one of them");
        }
        double width = widthInches != null ? widthInches : fallbackWidth;
        if (preset != null) {
            try {
                width = VenueSize.parse(preset).widthInches();
            } catch (IllegalArgumentException e) {
                throw new UserError("--size: " + e.getMessage(), e);
            }
        }
        return size(width, heightInches, dpi);
    }

    static FigureSize size(double widthInches, Double heightInches, int dpi) {
        try {
            return FigureSize.of(widthInches, heightInches, dpi);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static PaperStyle style(String font) {
        for (FigureFont f : FigureFont.values()) {
            if (f.id().equals(font.strip().toLowerCase(Locale.ROOT))) {
                return new PaperStyle(f);
            }
        }
        throw new UserError("--font " + font + ": expected serif (Times metrics, as LaTeX papers) or sans");
    }

    static StepCurve curve(boolean raw, double smoothing) {
        if (raw) {
            return StepCurve.RAW;
        }
        try {
            return new StepCurve(smoothing);
        } catch (IllegalArgumentException e) {
            throw new UserError("--smoothing: " + e.getMessage(), e);
        }
    }
}
