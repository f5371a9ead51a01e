/**
 * Talk mode: what makes the workbench readable from the back of a room. {@link
 * org.ringlab.ui.talk.FontSizes} picks the window's font size (the user's choice, at least 24 px at
 * 1080 lines in demo mode), {@link org.ringlab.ui.talk.WindowFonts} puts it on every label, tick
 * and legend of the window (ChartFX axes included), {@link org.ringlab.ui.talk.MetricStrip} shows
 * the shown epoch's test accuracies large, and {@link org.ringlab.ui.talk.CheatSheet} lists the
 * window's keyboard shortcuts ({@link org.ringlab.ui.talk.Shortcut}) on F1.
 */
package org.ringlab.ui.talk;
