package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.LoadedData;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunControl;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;
import org.ringlab.train.TrainingOutcome;

class StoredTrainingTest {

    private static RunConfig config() {
        return RunConfig.defaults().toBuilder()
                .data(Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data").toString())
                .model(ModelKind.MLP).method(Method.FP32).limitTrain(640).limitTest(200).batchSize(64)
                .testBatchSize(200).epochs(3).bnRecalBatches(2).build();
    }

    /** Writes {@code limit} bytes, then fails as a full disk does. */
    private static OutputStream fillsUpAfter(OutputStream out, long limit) {
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > limit) {
                    throw new IOException("No space left on device");
                }
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        };
    }

    @Test
    void aFullDiskAtACheckpointFailsTheRunClearlyAndKeepsEverythingElse(@TempDir Path ws) throws Exception {
        LoadedData data = DataSets.load(Path.of(config().data()));
        try (RunStore store = RunStore.open(ws)) {
            long other = store.createRun(config(), "other", "cpu()");
            try (StoreRecorder r = store.recorder(other)) {
                RunStoreTest.record(r, 2);
                r.onStatus(RunStatus.FINISHED, "finished");
            }
            Files.writeString(store.runDirectory(other).resolve(RunStore.RESUME_CHECKPOINT), "other run's file");
            StoredRun otherBefore = store.load(other);

            long id = store.createRun(config(), "full disk", "cpu()");
            AtomicInteger checkpoints = new AtomicInteger();
            // the first checkpoint (after epoch 1) is written; the disk is full at the second
            ResumeCheckpoint.Sink sink = file -> checkpoints.incrementAndGet() == 1 ? Files.newOutputStream(file)
                    : fillsUpAfter(Files.newOutputStream(file), 1000);
            TrainingOutcome outcome = new StoredTraining(store).checkpointSink(sink).train(id, data, new RunControl());

            Path ckpt = store.resumeCheckpoint(id);
            assertEquals(RunStatus.FAILED, outcome.status());
            System.out.println("full disk: " + outcome.message());
            assertTrue(outcome.message().startsWith("cannot write checkpoint " + ckpt + ": No space left on device")
                    && outcome.message().contains("the previous checkpoint is kept"), outcome.message());
            assertEquals(1, outcome.epochs().size(), "epoch 2 never counted: its checkpoint failed");
            StoredRun run = store.load(id);
            assertEquals(RunStatus.FAILED, run.status());
            assertEquals(outcome.message(), run.statusMessage());
            assertEquals(1, ResumeCheckpoint.read(ckpt).epochsDone(), "the epoch-1 checkpoint is intact");
            try (Stream<Path> files = Files.list(store.runDirectory(id))) {
                List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
                assertEquals(List.of("bits.json", "config.json", RunStore.RESUME_CHECKPOINT), names,
                        "no temporary file is left");
            }
            assertEquals(List.of(1), run.epochs().stream().map(EpochMetrics::epoch).toList());
            assertEquals(20, run.totalSteps(), "the steps of epoch 2 were recorded before its checkpoint failed");
            StoredRun otherAfter = store.load(other);
            assertEquals(otherBefore.epochs(), otherAfter.epochs(), "the other run is untouched");
            assertEquals(otherBefore.steps(), otherAfter.steps());
            assertEquals(otherBefore.info(), otherAfter.info());
            assertEquals(otherBefore.status(), otherAfter.status());
            assertEquals(otherBefore.endedAt(), otherAfter.endedAt());
            assertEquals(otherBefore.snapshots().size(), otherAfter.snapshots().size());
            assertEquals("other run's file",
                    Files.readString(store.runDirectory(other).resolve(RunStore.RESUME_CHECKPOINT)));

            // with space again, the run resumes from the surviving checkpoint and finishes
            TrainingOutcome resumed = new StoredTraining(store).resume(id, data, new RunControl());
            assertEquals(RunStatus.FINISHED, resumed.status(), resumed.message());
            StoredRun done = store.load(id);
            assertEquals(List.of(1, 2, 3), done.epochs().stream().map(EpochMetrics::epoch).toList());
            assertEquals(IntStream.rangeClosed(1, 30).boxed().toList(),
                    done.steps().stream().map(StepMetrics::step).toList());
            assertEquals(RunStatus.FINISHED, done.status());
            assertTrue(done.endedAt() != null && done.endedAt().isAfter(run.endedAt()), "ended again, later");
        }
    }
}
