package org.ringlab.figures;

/**
 * The printed size of a figure and the resolution of its bitmap form.
 *
 * @param dpi dots per inch of a PNG; the vector formats ignore it
 */
public record FigureSize(double widthInches, double heightInches, int dpi) {
    /** A single journal column. */
    public static final double SINGLE_COLUMN = 3.5;
    /** A full page width, two columns. */
    public static final double DOUBLE_COLUMN = 7.0;
    public static final double DEFAULT_ASPECT = 0.75;
    public static final int MIN_DPI = 150;
    public static final int MAX_DPI = 600;
    /** Larger than any page: beyond it a typo (cm for in) is likelier than a wish. */
    public static final double MAX_INCHES = 20;

    public FigureSize {
        check("width", widthInches);
        check("height", heightInches);
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi " + dpi + " is outside " + MIN_DPI + ".." + MAX_DPI);
        }
    }

    /** Height = width × 0.75 when no height is given. */
    public static FigureSize of(double widthInches, Double heightInches, int dpi) {
        return new FigureSize(widthInches, heightInches != null ? heightInches : widthInches * DEFAULT_ASPECT, dpi);
    }

    private static void check(String what, double inches) {
        if (!(inches > 0) || inches > MAX_INCHES) {
            throw new IllegalArgumentException(what + " " + inches + " in must be above 0 and at most " + MAX_INCHES);
        }
    }

    public double widthPoints() {
        return widthInches * 72;
    }

    public double heightPoints() {
        return heightInches * 72;
    }

    public int widthPixels() {
        return (int) Math.round(widthInches * dpi);
    }

    public int heightPixels() {
        return (int) Math.round(heightInches * dpi);
    }
}
