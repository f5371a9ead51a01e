package org.ringlab.service;

import java.util.List;
import org.ringlab.config.RunConfig;

/**
 * Where runs are trained. The workbench knows training only through this interface, so the same
 * UI drives an in-process engine (tests, fallback) or a separate worker.
 */
public interface TrainingService extends AutoCloseable {
    /**
     * Validates and queues a run; runs start one after another in submission order.
     *
     * @throws org.ringlab.config.InvalidConfigException listing every violation
     */
    RunHandle submit(RunConfig config);

    /** Every run submitted since the service started, oldest first. */
    List<RunHandle> runs();

    /** What the service trains on, e.g. "cpu(), PyTorch 2.7.1". */
    String describeDevice();

    /** Stops the running run between two steps and releases the engine. */
    @Override
    void close();
}
