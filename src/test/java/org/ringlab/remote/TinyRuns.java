package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ringlab.config.DeviceKind;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;

/** Small runs on the sample MNIST subset, as the in-process service tests use. */
final class TinyRuns {
    private TinyRuns() {
    }

    static RunConfig tiny() {
        Path data = Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toAbsolutePath();
        return RunConfig.defaults().toBuilder().data(data.toString()).model(ModelKind.MLP).limitTrain(640)
                .limitTest(200).epochs(2).snapshotEvery(2).bnRecalBatches(2).device(DeviceKind.CPU).build();
    }

    /** Long enough that it is still running when a test acts on it, however fast the machine. */
    static RunConfig endless() {
        return tiny().toBuilder().epochs(500).build();
    }

    static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }
}
