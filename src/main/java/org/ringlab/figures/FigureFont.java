package org.ringlab.figures;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The typeface of a figure, bundled with the program (Liberation 2.1.5, SIL Open Font License, see
 * fonts/OFL.txt) so that the PNG, SVG and PDF look the same on every machine and the PDF can embed it.
 * The serif face has the metrics of Times, which IEEE, ACM, NeurIPS and ICML typeset in; the sans face
 * those of Helvetica/Arial, for slides and sans-serif documents.
 */
@SuppressWarnings("ImmutableEnumChecker") // the fonts are loaded once and never change
public enum FigureFont {
    SERIF("LiberationSerif"),
    SANS("LiberationSans");

    private final String file;
    private volatile Font regular;
    private volatile Font bold;

    FigureFont(String file) {
        this.file = file;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The plain face at {@code size} points. */
    public Font plain(float size) {
        Font f = regular;
        if (f == null) {
            f = load("Regular");
            regular = f;
        }
        return f.deriveFont(Font.PLAIN, size);
    }

    /**
     * The bold face at {@code size} points: the font's own bold cut, not a smeared plain one, so that the
     * PDF embeds and names it as what it is.
     */
    public Font bold(float size) {
        Font f = bold;
        if (f == null) {
            f = load("Bold");
            bold = f;
        }
        // marked bold as well, so that an SVG says font-weight: bold; the face is bold already, so
        // Java2D does not embolden it a second time
        return f.deriveFont(Font.BOLD, size);
    }

    /** The TrueType file of one cut ("Regular" or "Bold"), for a writer that embeds it. */
    InputStream ttf(String cut) {
        InputStream in = FigureFont.class.getResourceAsStream("fonts/" + file + "-" + cut + ".ttf");
        if (in == null) {
            throw new IllegalStateException("fonts/" + file + "-" + cut + ".ttf is missing from the build");
        }
        return in;
    }

    static final String[] CUTS = {"Regular", "Bold"};

    private Font load(String cut) {
        try (InputStream in = ttf(cut)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled font " + file + "-" + cut, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled font " + file + "-" + cut + " is damaged", e);
        }
    }
}
