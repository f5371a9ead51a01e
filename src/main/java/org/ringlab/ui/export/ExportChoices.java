package org.ringlab.ui.export;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.ringlab.figures.AnimationFormat;
import org.ringlab.figures.FigureFormat;
import org.ringlab.figures.FigureSize;

/**
 * What the batch export dialog asks for: where, in which formats, at which printed size and (for
 * PNG) resolution, and in which formats ring runs get their animations (none, GIF, MP4).
 *
 * @param size the curves' and rings' size; the comparison table keeps the full text width
 */
public record ExportChoices(Path folder, Set<FigureFormat> formats, FigureSize size,
        Set<AnimationFormat> animations) {
    public ExportChoices {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no figure format chosen");
        }
        formats = Set.copyOf(EnumSet.copyOf(formats));
        animations = Set.copyOf(animations);
    }

    /** Every format, one column (3.5 in), 300 dpi, with GIF animations: what Export wrote before it asked. */
    public static ExportChoices defaults(Path folder) {
        return new ExportChoices(folder, EnumSet.allOf(FigureFormat.class),
                FigureSize.of(FigureSize.SINGLE_COLUMN, null, 300), Set.of(AnimationFormat.GIF));
    }
}
