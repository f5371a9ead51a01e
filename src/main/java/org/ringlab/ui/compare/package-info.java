/**
 * Side-by-side comparison in the workbench: {@link org.ringlab.ui.compare.ComparisonPane} shows
 * the comparison table (org.ringlab.tables.ComparisonTable) of finished runs, sortable and
 * copyable; {@link org.ringlab.ui.compare.SweepDialog} queues a grid of runs through the
 * TrainingService interface; {@link org.ringlab.ui.compare.ComparisonWindow} holds both and
 * picks up runs as they end.
 */
package org.ringlab.ui.compare;
