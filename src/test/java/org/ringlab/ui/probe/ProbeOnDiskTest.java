package org.ringlab.ui.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.cli.RingLabCli;
import org.ringlab.probe.FeatureProbe;
import org.ringlab.probe.ProbeResult;
import org.ringlab.train.RunStatus;
import org.ringlab.ui.FakeRunHandle;

/** The window's probe on real runs: a tiny ring MLP started from a tiny FP32 one, the FP32 network its init-from. */
class ProbeOnDiskTest {
    private static final Path SAMPLE_DATA = Path.of(System.getProperty("ringlab.repo",
            System.getProperty("user.dir"))).resolve("sample-data").toAbsolutePath();

    @TempDir
    Path tmp;

    private static void train(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--data", SAMPLE_DATA.toString(), "--model",
                "mlp", "--limit-train", "256", "--limit-test", "128", "--epochs", "1", "--threads", "1",
                "--bn-recal-batches", "2", "--out", out.toString()));
        args.addAll(List.of(more));
        assertEquals(0, RingLabCli.execute(args.toArray(String[]::new)), "train " + args + " (its error is on stderr)");
    }

    @Test
    void probesTheRunAgainstItsInitFromWithProgress() throws IOException {
        Path fp32 = tmp.resolve("fp32");
        Path ring = tmp.resolve("ring");
        train(fp32, "--method", "fp32");
        train(ring, "--init-from", fp32.toString());
        FakeRunHandle handle = new FakeRunHandle("2", "ring", FeatureProbe.runConfig(ring), ring, RunStatus.FINISHED);
        AtomicInteger last = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        ProbeResult r = ProbeWindow.probeOnDisk(handle, null, 100, (done, of) -> {
            last.set(done);
            total.set(of);
        });
        assertEquals(fp32.toString(), r.fp32());
        assertEquals(100, r.images());
        assertEquals(List.of("fc1", "logits (linear #1)"), r.points().stream().map(ProbeResult.Point::name).toList());
        assertTrue(r.points().stream().allMatch(p -> p.fp32() > 1 && p.quantized() > 1), r.toString());
        assertTrue(total.get() > 0 && last.get() == total.get(), "progress ends at its total: " + last + "/" + total);
    }
}
