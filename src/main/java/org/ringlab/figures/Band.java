package org.ringlab.figures;

/** The shaded band around a seed group's mean line. */
public enum Band {
    /** mean ± one sample standard deviation */
    STD,
    /** the lowest to the highest run */
    MINMAX;

    public double lower(EpochStatistics.Point p) {
        return this == STD ? p.mean() - p.std() : p.min();
    }

    public double upper(EpochStatistics.Point p) {
        return this == STD ? p.mean() + p.std() : p.max();
    }
}
