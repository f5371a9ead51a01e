package org.ringlab.figures;

import java.util.Locale;

/** The file formats a figure is written in: two vector formats for papers and a bitmap for slides. */
public enum FigureFormat {
    SVG, PDF, PNG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
