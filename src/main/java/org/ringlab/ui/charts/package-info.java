/**
 * Live training charts for the workbench: {@link org.ringlab.ui.charts.MetricsCharts} plots loss,
 * accuracy and learning rate of several runs with ChartFX.
 *
 * <p>The pure parts have no JavaFX behaviour of their own and are tested alone: {@code Ema}
 * (TensorBoard's debiased smoothing), {@code Decimator} (a bounded min/max copy of a growing
 * series for drawing) and {@code RunPalette} (a stable colour-blind-safe colour per run).
 */
package org.ringlab.ui.charts;
