package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.RunData;

/** Turns the figure commands' flags into figure values, each problem a one-line user error. */
final class FigureArguments {
    private FigureArguments() {
    }

    static FigureFormat format(String option, String text) {
        for (FigureFormat f : FigureFormat.values()) {
            if (f.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new UserError(option + " " + text + ": expected svg, pdf or png");
    }

    static FigureSize size(double widthInches, Double heightInches, int dpi) {
        try {
            return FigureSize.of(widthInches, heightInches, dpi);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    static List<RunData> runs(List<Path> dirs) {
        List<RunData> data = new ArrayList<>();
        for (Path dir : dirs) {
            try {
                data.add(RunData.read(dir));
            } catch (IOException e) {
                throw new UserError("--run " + dir + ": " + e.getMessage(), e);
            }
        }
        return data;
    }
}
