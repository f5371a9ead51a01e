package org.ringlab.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ringlab.config.DataDescription;
import org.ringlab.config.DataProbe;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.DataSummary;

/**
 * Lets configuration validation look into a data folder through the data package's readers, and
 * check the run against this machine ({@link MachineFit}): it is used where the run will train (the
 * CLI, a sweep, the training service and so a worker).
 */
public final class DataSetProbe implements DataProbe {
    @Override
    public DataDescription describe(Path dir, int imageSize) throws IOException {
        DataSummary s = DataSets.describe(dir, imageSize);
        return new DataDescription(s.format().displayName(), s.channels(), s.height(), s.width(), s.numClasses(),
                s.trainCount(), s.testCount());
    }

    @Override
    public List<String> machineLimits(RunConfig config, DataDescription data) {
        return MachineFit.check(config, data, MachineResources.current());
    }
}
