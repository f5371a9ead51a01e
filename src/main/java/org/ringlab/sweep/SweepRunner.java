package org.ringlab.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.ringlab.config.RunConfig;

/**
 * Trains a sweep's runs one after another through whatever engine the caller provides. A run that
 * fails or diverges is recorded and the sweep goes on; a stop request lets the current run end (the
 * trainer's own stop) and starts no further one, so every run already finished stays intact.
 */
public final class SweepRunner {
    /** Status of a run that was never started because the sweep was stopped first. */
    public static final String SKIPPED = "skipped";
    /** Status of a run whose trainer threw instead of reporting an outcome. */
    public static final String FAILED = "failed";

    /** Trains one configuration to its end and says how it ended. */
    @FunctionalInterface
    public interface PointTrainer {
        Outcome train(RunConfig config) throws Exception;
    }

    /**
     * @param status the run's final status id ("finished", "failed", "diverged", "stopped")
     * @param message why, for anything but finished; may be empty
     */
    public record Outcome(String status, String message) {
    }

    /** One run's place in the sweep and how it ended. */
    public record Result(String name, RunConfig config, String status, String message) {
        public boolean finished() {
            return "finished".equals(status);
        }
    }

    /** Progress, called on the sweep's thread. */
    public interface Listener {
        void starting(int index, int total, String name);

        void ended(Result result);
    }

    private SweepRunner() {
    }

    /**
     * @param stopRequested polled before each run; once true, the remaining runs are skipped
     */
    public static List<Result> run(List<SweepPlan.PlannedRun> runs, PointTrainer trainer, BooleanSupplier stopRequested,
            Listener listener) {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            SweepPlan.PlannedRun run = runs.get(i);
            Result result;
            if (stopRequested.getAsBoolean()) {
                result = new Result(run.name(), run.config(), SKIPPED, "the sweep was stopped first");
            } else {
                listener.starting(i, runs.size(), run.name());
                try {
                    Outcome outcome = trainer.train(run.config());
                    result = new Result(run.name(), run.config(), outcome.status(),
                            outcome.message() == null ? "" : outcome.message());
                } catch (Exception e) {
                    // one broken run must not cost the rest of the sweep
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    result = new Result(run.name(), run.config(), FAILED, message);
                }
            }
            results.add(result);
            listener.ended(result);
        }
        return results;
    }
}
