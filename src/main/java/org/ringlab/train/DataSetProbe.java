package org.ringlab.train;

import java.io.IOException;
import java.nio.file.Path;
import org.ringlab.config.DataDescription;
import org.ringlab.config.DataProbe;
import org.ringlab.data.DataSets;
import org.ringlab.data.DataSummary;

/** Lets configuration validation look into a data folder through the data package's readers. */
public final class DataSetProbe implements DataProbe {
    @Override
    public DataDescription describe(Path dir) throws IOException {
        DataSummary s = DataSets.describe(dir);
        return new DataDescription(s.format().displayName(), s.channels(), s.height(), s.width(), s.numClasses(),
                s.trainCount(), s.testCount());
    }
}
