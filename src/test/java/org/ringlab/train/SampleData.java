package org.ringlab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;

/** The repository's sample MNIST, decoded once per test JVM. */
final class SampleData {
    private static LoadedData data;

    private SampleData() {
    }

    static Path dir() {
        return Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data");
    }

    static synchronized LoadedData mnist() {
        if (data == null) {
            try {
                data = DataSets.load(dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }
}
