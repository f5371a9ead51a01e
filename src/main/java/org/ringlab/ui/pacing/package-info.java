/**
 * When the window draws, so that a window showing a live run leaves the CPU to training (README,
 * "The window and training throughput"): {@link org.ringlab.ui.pacing.FrameTicker} runs the frame
 * pump and the ring view's animation at a capped rate without keeping JavaFX's 60 Hz pulse
 * running; {@link org.ringlab.ui.pacing.RecentDurations} keeps the timings that show whether the
 * JavaFX thread stays responsive.
 */
package org.ringlab.ui.pacing;
