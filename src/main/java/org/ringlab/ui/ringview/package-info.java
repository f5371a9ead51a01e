/**
 * The ring view of a layer's positions: {@link org.ringlab.ui.ringview.RingView} draws the ring's
 * slots coloured by value with the position histogram as radial bars around it, and {@link
 * org.ringlab.ui.ringview.WeightHistogram} draws the soft weights those positions imply.
 *
 * <p>The math behind the pictures (bin angles, value colours, layout, animation, sums over layers)
 * lives in small classes without a scene so that it can be tested on its own. Both nodes must be
 * used on the JavaFX application thread.
 */
package org.ringlab.ui.ringview;
