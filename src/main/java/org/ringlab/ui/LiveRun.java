package org.ringlab.ui;

import java.util.ArrayList;
import java.util.List;
import org.ringlab.service.RunHandle;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;

/**
 * The UI's view of one run: the handle, the inbox its events land in, and what has been drawn so
 * far. Touched only on the JavaFX thread (the inbox is the one thread-safe hand-over).
 */
final class LiveRun {
    final RunHandle handle;
    final EventInbox inbox = new EventInbox();
    final List<PositionSnapshot> snapshots = new ArrayList<>();
    final Progress progress;
    EpochMetrics lastEpoch;
    String progressText = "";
    double progressFraction;

    LiveRun(RunHandle handle) {
        this.handle = handle;
        this.progress = new Progress(handle.config().epochs());
        // events from now on go to the inbox; what happened before is in the history
        handle.addListener(inbox);
        snapshots.addAll(handle.history().snapshots());
        List<EpochMetrics> epochs = handle.history().epochs();
        lastEpoch = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    String summary() {
        String figures = lastEpoch == null ? ""
                : Double.isNaN(lastEpoch.testAccSnapped())
                        ? String.format(" · %.2f%%", lastEpoch.testAccSoft())
                        : String.format(" · soft %.2f%% / snapped %.2f%%", lastEpoch.testAccSoft(),
                                lastEpoch.testAccSnapped());
        return handle.name() + " — " + handle.status().id() + figures;
    }
}
