package org.ringlab.figures;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/** Puts {@link NiceTicks} on a JFreeChart axis: its range, its step and its labels. */
final class NiceAxis {
    private static final int TARGET_TICKS = 5;

    private NiceAxis() {
    }

    /** An axis from {@code min} to {@code max} (data values), with nice ticks and its title. */
    static NumberAxis of(String title, double min, double max, boolean integers) {
        NiceTicks ticks = NiceTicks.of(min, max, TARGET_TICKS, integers);
        NumberAxis axis = new NumberAxis(title + ticks.axisSuffix());
        axis.setRange(ticks.lower(), ticks.upper());
        axis.setTickUnit(new NumberTickUnit(ticks.step(), new TickFormat(ticks)));
        return axis;
    }

    /** NumberAxis formats ticks through a NumberFormat; this one asks NiceTicks. */
    @SuppressWarnings("serial")
    private static final class TickFormat extends NumberFormat {
        private final transient NiceTicks ticks;

        TickFormat(NiceTicks ticks) {
            this.ticks = ticks;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(ticks.label(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(ticks.label((double) number));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only written");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TickFormat t && t.ticks.equals(ticks);
        }

        @Override
        public int hashCode() {
            return ticks.hashCode();
        }
    }
}
