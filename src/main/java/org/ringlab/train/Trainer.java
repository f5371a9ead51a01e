package org.ringlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.config.PositionBound;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunNames;
import org.ringlab.data.Batch;
import org.ringlab.data.BatchSampler;
import org.ringlab.data.ImageDataSet;
import org.ringlab.data.LoadedData;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.WeightMode;
import org.ringlab.nn.method.MethodRegistry;
import org.ringlab.train.init.FloatNetwork;
import org.ringlab.train.init.InitReport;
import org.ringlab.train.init.PretrainedSource;
import org.ringlab.train.init.PretrainedStart;

/**
 * Trains one run on the calling thread: the step loop, per-epoch evaluation (soft, snapped,
 * snapped after BatchNorm re-estimation) and position snapshots, streamed to a
 * {@link TrainingListener}. Every NDArray lives in a manager this class closes.
 */
public final class Trainer {
    private final RunConfig config;
    private final LoadedData data;
    private Path checkpointFile;
    private Path resumableFile;
    private Path resumeFrom;
    private ResumeCheckpoint.Sink checkpointSink = ResumeCheckpoint.FILES;
    private Path bitsFile;
    private Path initSource;
    private String divergedMessage;

    public Trainer(RunConfig config, LoadedData data) {
        this.config = config;
        this.data = data;
    }

    /** Where to write the final parameters (atomically); null for none. */
    public Trainer checkpointTo(Path file) {
        this.checkpointFile = file;
        return this;
    }

    /**
     * Where to write a {@link ResumeCheckpoint} every {@code checkpoint-every} epochs and after the
     * last one (atomically, before the epoch's metrics are reported); null for none.
     */
    public Trainer resumableTo(Path file) {
        this.resumableFile = file;
        return this;
    }

    /**
     * Continues from a checkpoint written by {@link #resumableTo} for the same configuration:
     * parameters, optimiser state, the epoch (and so the schedule and the batch order) and the step
     * counter pick up where it was; events carry on with the next epoch and step numbers.
     */
    public Trainer resumeFrom(Path checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /** Replaces how checkpoint files are opened for writing (tests simulate a full disk with it). */
    public Trainer checkpointSink(ResumeCheckpoint.Sink sink) {
        this.checkpointSink = sink;
        return this;
    }

    /**
     * Where to write the bit accounting ({@link BitsReport}) at every epoch end, atomically; by default
     * {@code bits.json} beside the checkpoint, none without one.
     */
    public Trainer bitsTo(Path file) {
        this.bitsFile = file;
        return this;
    }

    /**
     * The pretrained FP32 network to start from, overriding the configuration's {@code init-from}
     * text (the run store resolves a workspace run id to its folder). Not used when resuming.
     */
    public Trainer initFrom(Path source) {
        this.initSource = source;
        return this;
    }

    private Path initSource() {
        if (initSource != null) {
            return initSource;
        }
        return config.initFrom() == null || config.initFrom().isBlank() ? null : Path.of(config.initFrom().strip());
    }

    private Path bitsFile() {
        if (bitsFile != null) {
            return bitsFile;
        }
        return checkpointFile == null ? null : checkpointFile.resolveSibling(BitsReport.FILE);
    }

    /** Runs to completion, stop, divergence or failure. Never throws for a training problem. */
    public TrainingOutcome run(TrainingListener listener, RunControl control) {
        List<EpochMetrics> epochs = new ArrayList<>();
        int[] steps = {0};
        try {
            RunStatus status = train(listener, control, epochs, steps);
            String message = switch (status) {
                case FINISHED -> resumeFrom != null ? "finished " + config.epochs() + " epochs (resumed)"
                        : "finished " + config.epochs() + " epochs";
                case STOPPED -> "stopped by the user at step " + steps[0];
                default -> status.id();
            };
            if (status != RunStatus.DIVERGED) {
                listener.onStatus(status, message);
            }
            return new TrainingOutcome(status, divergedMessage != null ? divergedMessage : message, epochs, steps[0]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onStatus(RunStatus.STOPPED, "interrupted");
            return new TrainingOutcome(RunStatus.STOPPED, "interrupted", epochs, steps[0]);
        } catch (RuntimeException | IOException e) {
            Failures.debug(e);
            String message = Failures.describe(e);
            listener.onStatus(RunStatus.FAILED, message);
            return new TrainingOutcome(RunStatus.FAILED, message, epochs, steps[0]);
        }
    }

    private RunStatus train(TrainingListener listener, RunControl control, List<EpochMetrics> epochs, int[] steps)
            throws InterruptedException, IOException {
        Device device = Devices.select(config.device());
        GradMode.disableOnThisThread();
        Engine.getInstance().setRandomSeed((int) config.seed());
        ImageDataSet trainSet = limited(data.train(), config.limitTrain(), config.seed());
        ImageDataSet testSet = limited(data.test(), config.limitTest(), config.seed());
        BuiltModel model = ModelBuilder.build(config, trainSet);
        boolean augment = config.augment() != null ? config.augment() : data.format().cropsAndFlipsByDefault();
        BatchSampler trainSampler = new BatchSampler(trainSet, data.normalization(), config.batchSize(), config.seed(),
                true, augment);
        BatchSampler recalSampler = new BatchSampler(trainSet, data.normalization(), config.batchSize(),
                config.seed() + 1, true, false);
        BatchSampler testSampler = new BatchSampler(testSet, data.normalization(), config.testBatchSize(),
                config.seed(), false, false);
        int stepsPerEpoch = trainSampler.numBatches();
        ResumeCheckpoint resume = resumeFrom == null ? null : ResumeCheckpoint.read(resumeFrom);
        if (resume != null && resume.epochsDone() > config.epochs()) {
            throw new IOException(resumeFrom + ": the checkpoint is after epoch " + resume.epochsDone()
                    + " but the run has only " + config.epochs() + " epochs");
        }
        if (resume != null && resume.steps() != resume.epochsDone() * stepsPerEpoch) {
            throw new IOException(resumeFrom + ": the checkpoint is at step " + resume.steps() + " after "
                    + resume.epochsDone() + " epochs, but this configuration has " + stepsPerEpoch
                    + " steps per epoch (a checkpoint of another configuration?)");
        }

        try (NDManager root = NDManager.newBaseManager(device)) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            listener.onInfo(String.format("device %s, engine %s %s, %d threads", device,
                    Engine.getInstance().getEngineName(), Engine.getInstance().getVersion(), threads()));
            listener.onInfo(String.format("data %s: %d train / %d test images, %d×%d×%d, %d classes%s",
                    data.format().displayName(), trainSet.count(), testSet.count(), trainSet.channels(),
                    trainSet.height(), trainSet.width(), trainSet.numClasses(), augment ? ", augmented" : ""));
            boolean quantized = !model.quantizedLayers().isEmpty();
            String methodLabel = ModelBuilder.methodLabel(config);
            listener.onInfo(String.format("model %s: %,d parameters, %d %s layers%s", config.model().key(),
                    model.parameterCount(), model.quantizedLayers().size(), config.usesRing() ? "ring" : "quantized",
                    !quantized ? "" : " (" + methodLabel + (model.spec().ringLayers()
                            ? "; ring layout " + model.ringLayers().get(0).ring().label() : "") + ")"));
            if (model.activationSummary() != null) {
                listener.onInfo("activations " + RunNames.weightActivation(config) + ": " + model.activationSummary());
            }

            ParameterStore store = new ParameterStore(root, false);
            ParameterOptimizer optimizer = Optimizers.create(config, root);
            TrainingStep step = new TrainingStep(model, store, optimizer,
                    config.positionBound() == PositionBound.WRAP, config.weightDecayPositions(), config.clipNorm());
            Evaluator evaluator = new Evaluator(model, store, root);
            SnapshotRecorder snapshots = new SnapshotRecorder(model.quantizedLayers(), config.snapshotSubBins());
            long totalSteps = (long) stepsPerEpoch * config.epochs();
            int firstEpoch = 0;
            long start = System.nanoTime();
            if (resume != null) {
                resume.restoreParameters(model, resumeFrom);
                try {
                    optimizer.restore(resume.optimizer(), step.parameters());
                } catch (IllegalArgumentException e) {
                    throw new IOException(resumeFrom + ": " + e.getMessage(), e);
                }
                firstEpoch = resume.epochsDone();
                steps[0] = resume.steps();
                start -= (long) (resume.elapsedSeconds() * 1e9);
                // annealed quantizers (σ, λ, slope) continue from where their schedule was
                model.setProgress((double) steps[0] / totalSteps);
                if (quantized) {
                    // primes the slot-change baseline with the restored positions; not reported again
                    snapshots.record(steps[0], firstEpoch, firstEpoch);
                }
                listener.onInfo(String.format("resumed from %s after epoch %d, step %d", resumeFrom.getFileName(),
                        firstEpoch, steps[0]));
            }
            int stepsAtStart = steps[0];

            listener.onStatus(RunStatus.RUNNING, resume == null ? "training" : "resumed at epoch " + (firstEpoch + 1));
            if (resume == null && initSource() != null) {
                listener.onEpoch(startFromPretrained(model, trainSet, root, store, evaluator, testSampler,
                        recalSampler, stepsPerEpoch, start, listener));
            }
            if (quantized && resume == null) {
                listener.onSnapshot(snapshots.record(0, 0, 0.0));
            }
            for (int epoch = firstEpoch; epoch < config.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                long trainNanos = 0;
                double lossSum = 0;
                long correct = 0;
                long seen = 0;
                double lr = 0;
                int index = 0;
                for (Batch batch : trainSampler.epoch(epoch)) {
                    boolean go = control.awaitPermission(
                            () -> listener.onStatus(RunStatus.PAUSED, "paused at step " + steps[0]),
                            () -> listener.onStatus(RunStatus.RUNNING, "resumed"));
                    if (!go) {
                        return RunStatus.STOPPED;
                    }
                    long t0 = System.nanoTime();
                    lr = config.schedule().lrAtStep(config.lr(), epoch, index, stepsPerEpoch, config.epochs(),
                            config.warmupEpochs());
                    // σ, λ and slope schedules follow the share of training done
                    model.setProgress((double) steps[0] / totalSteps);
                    TrainingStep.Result result;
                    try (NDManager stepManager = root.newSubManager()) {
                        NDArray x = stepManager.create(batch.images(),
                                new Shape(batch.size(), batch.channels(), batch.height(), batch.width()));
                        NDArray y = Batches.labels(batch.labels(), stepManager);
                        result = step.run(x, y, batch.labels(), lr, stepManager);
                    }
                    float batchLoss = result.loss();
                    long batchCorrect = result.correct();
                    if (result.diverged()) {
                        divergedMessage = String.format(java.util.Locale.ROOT,
                                "%s at epoch %d, step %d (lr %.3g); metrics up to the "
                                        + "previous epoch are kept", result.divergence(), epoch + 1, steps[0] + 1, lr);
                        listener.onStatus(RunStatus.DIVERGED, divergedMessage);
                        return RunStatus.DIVERGED;
                    }
                    trainNanos += System.nanoTime() - t0;
                    steps[0]++;
                    lossSum += (double) batchLoss * batch.size();
                    correct += batchCorrect;
                    seen += batch.size();
                    listener.onStep(new StepMetrics(steps[0], epoch + 1, index + 1, stepsPerEpoch, batchLoss,
                            100.0 * batchCorrect / batch.size(), lr));
                    index++;
                    model.setProgress((double) steps[0] / totalSteps);
                    QuantizerHooks.afterStep(model, (double) (steps[0] - 1) / totalSteps, (double) steps[0] / totalSteps,
                            root);
                    if (quantized && steps[0] % config.snapshotEvery() == 0) {
                        listener.onSnapshot(snapshots.record(steps[0], epoch + 1, epoch + (double) index / stepsPerEpoch));
                    }
                }
                TestAccuracies test = testAccuracies(evaluator, testSampler, recalSampler, quantized);
                double soft = test.soft();
                double snapped = test.snapped();
                double snappedBn = test.snappedBn();
                long now = System.nanoTime();
                EpochMetrics m = new EpochMetrics(epoch + 1, steps[0], lossSum / seen, 100.0 * correct / seen, soft,
                        snapped, snappedBn, lr, seen / (trainNanos / 1e9), (now - epochStart) / 1e9,
                        (now - start) / 1e9);
                boolean checkpointDue = (epoch + 1) % config.checkpointEvery() == 0 || epoch + 1 == config.epochs();
                if (resumableFile != null && checkpointDue) {
                    // before the epoch is reported: a recorded epoch always has its checkpoint on disk
                    ResumeCheckpoint.capture(model, optimizer, epoch + 1, steps[0], m.elapsedSeconds())
                            .save(resumableFile, checkpointSink);
                }
                epochs.add(m);
                writeBits(model, methodLabel);
                listener.onEpoch(m);
            }
            if (quantized && steps[0] != stepsAtStart && steps[0] % config.snapshotEvery() != 0) {
                listener.onSnapshot(snapshots.record(steps[0], config.epochs(), config.epochs()));
            }
            if (checkpointFile != null) {
                Checkpoints.save(model, checkpointFile);
            }
            return RunStatus.FINISHED;
        }
    }

    /** Test accuracy with soft weights and, for a quantized model, snapped and snapped after BatchNorm re-estimation. */
    private record TestAccuracies(double soft, double snapped, double snappedBn) {
    }

    private TestAccuracies testAccuracies(Evaluator evaluator, BatchSampler testSampler, BatchSampler recalSampler,
            boolean quantized) {
        double soft = evaluator.accuracy(testSampler, WeightMode.SOFT);
        if (!quantized) {
            return new TestAccuracies(soft, Double.NaN, Double.NaN);
        }
        return new TestAccuracies(soft, evaluator.accuracy(testSampler, WeightMode.SNAPPED),
                evaluator.snappedAfterBatchNormRecalibration(testSampler, recalSampler, config.bnRecalBatches()));
    }

    /**
     * Loads the pretrained network into the fresh model through the method's initialiser and measures
     * it: epoch 0, the post-training-quantization figures, before the first step.
     */
    private EpochMetrics startFromPretrained(BuiltModel model, ImageDataSet trainSet, NDManager root,
            ParameterStore store, Evaluator evaluator, BatchSampler testSampler, BatchSampler recalSampler, int stepsPerEpoch, long start,
            TrainingListener listener) throws IOException {
        long t0 = System.nanoTime();
        FloatNetwork net = PretrainedSource.read(initSource(), config, trainSet, root);
        InitReport report = PretrainedStart.apply(net, model, MethodRegistry.of(config.method()).floatInit());
        report.lines().forEach(listener::onInfo);
        Path bits = bitsFile();
        if (bits != null) {
            report.writeTo(bits.resolveSibling(InitReport.FILE));
        }
        model.setProgress(0);
        boolean quantized = !model.quantizedLayers().isEmpty();
        if (quantized && config.bnRecalBatches() > 0) {
            // INFERRED workbench default (docs/methods/training.md#starting-from-a-pretrained-network): BatchNorm statistics re-estimated for the
            // weights training starts with; an FP32 start is the FP32 network unchanged
            BatchNormRecalibration.apply(model, store, root, recalSampler, config.bnRecalBatches()).keep();
            listener.onInfo("BatchNorm statistics re-estimated on " + config.bnRecalBatches()
                    + " training batches before the first step (INFERRED)");
        }
        TestAccuracies test = testAccuracies(evaluator, testSampler, recalSampler, quantized);
        double soft = test.soft();
        double snapped = test.snapped();
        double snappedBn = test.snappedBn();
        double lr = config.schedule().lrAtStep(config.lr(), 0, 0, stepsPerEpoch, config.epochs(),
                config.warmupEpochs());
        long now = System.nanoTime();
        // no training has happened: loss, training accuracy and throughput do not apply (NaN, NULL in the store)
        return new EpochMetrics(0, 0, Double.NaN, Double.NaN, soft, snapped, snappedBn, lr, Double.NaN,
                (now - t0) / 1e9, (now - start) / 1e9);
    }

    private void writeBits(BuiltModel model, String methodLabel) throws IOException {
        Path file = bitsFile();
        if (file != null) {
            BitsReport.of(config.method().key(), methodLabel, model).writeTo(file);
        }
    }

    private static int threads() {
        String t = System.getProperty("ai.djl.pytorch.num_threads");
        return t != null ? Integer.parseInt(t) : Runtime.getRuntime().availableProcessors();
    }

    static ImageDataSet limited(ImageDataSet set, int limit, long seed) {
        return limit > 0 && limit < set.count() ? set.subset(limit, seed) : set;
    }
}
