package org.ringlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;

/** Prints one line per epoch (and the run's status changes) for a terminal or a log file. */
final class ConsoleProgress implements TrainingListener {
    private final PrintWriter out;
    private final int epochs;

    ConsoleProgress(PrintWriter out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    @Override
    public void onInfo(String message) {
        out.println(message);
        out.flush();
    }

    @Override
    public void onStatus(RunStatus status, String message) {
        if (status != RunStatus.RUNNING) {
            out.println(status.id() + ": " + message);
            out.flush();
        }
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        out.println(format(m, epochs));
        out.flush();
    }

    static String format(EpochMetrics m, int epochs) {
        String snapped = Double.isNaN(m.testAccSnapped()) ? ""
                : String.format(Locale.ROOT, "  snapped %6.2f%%  snapped+BN %6.2f%%", m.testAccSnapped(),
                        m.testAccSnappedBn());
        if (m.epoch() == 0) {
            // init-from: the pretrained network as initialised, before any step
            return String.format(Locale.ROOT, "epoch 0/%d  (initialised, no step yet)  test soft %6.2f%%%s  %.1f s",
                    epochs, m.testAccSoft(), snapped, m.seconds());
        }
        return String.format(Locale.ROOT,
                "epoch %d/%d  loss %.4f  train %6.2f%%  test soft %6.2f%%%s  lr %.3g  %,.0f img/s  %.1f s",
                m.epoch(), epochs, m.trainLoss(), m.trainAcc(), m.testAccSoft(), snapped, m.lr(), m.imagesPerSecond(),
                m.seconds());
    }
}
