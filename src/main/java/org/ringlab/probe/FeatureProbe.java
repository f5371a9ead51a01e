package org.ringlab.probe;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.BatchSampler;
import org.ringlab.data.ImageDataSet;
import org.ringlab.data.LoadedData;
import org.ringlab.interop.CheckpointException;
import org.ringlab.interop.ReferenceImporter;
import org.ringlab.interop.Tensor;
import org.ringlab.interop.TorchCheckpoint;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.WeightMode;
import org.ringlab.store.RunRef;
import org.ringlab.train.Checkpoints;
import org.ringlab.train.Devices;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunRecorder;

/**
 * The feature-discrimination probe (docs/methods/probe.md): a quantized run's network (snapped weights) and
 * its FP32 reference (an FP32 run, or a PyTorch FP32 state dict loaded into the run's architecture)
 * read the same class-balanced sample of test images; at every probe point ({@link FeatureCapture})
 * each network's features are standardised per dimension and measured with {@link Discrimination}.
 * The sampling, the probe points, the pooling, the standardisation and the thresholds are §F's
 * INFERRED workbench procedure, not the paper's. Both models live in one manager closed before
 * this returns; call it off any UI thread.
 */
public final class FeatureProbe {
    /** The default sample: CIFAR-10's §F sample of 100 test images per class. */
    public static final int DEFAULT_IMAGES = 1000;
    public static final long DEFAULT_SEED = 1;
    /** τ = 1·mean|x| of the standardised features (INFERRED; §F sweeps κ over about [0.25, 2]). */
    public static final double DEFAULT_KAPPA = 1.0;
    private static final String RESUME = "resume.ckpt";

    /**
     * @param images sample size, at least the number of classes (capped at the test split's size)
     * @param seed the sample's seed
     * @param kappa threshold factor of the binary and ternary feature quantizers, above 0
     */
    public record Options(int images, long seed, double kappa) {
        public Options {
            if (images < 2) {
                throw new IllegalArgumentException("images must be at least 2, got " + images);
            }
            if (!(kappa > 0) || Double.isInfinite(kappa)) {
                throw new IllegalArgumentException("kappa must be above 0, got " + kappa);
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_IMAGES, DEFAULT_SEED, DEFAULT_KAPPA);
        }
    }

    private FeatureProbe() {
    }

    /** A run folder's configuration; one line naming the folder when it is not a run. */
    public static RunConfig runConfig(Path run) throws IOException {
        Path file = run.resolve(RunRecorder.CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new IOException(run + ": not a run folder (it has no " + RunRecorder.CONFIG + ")");
        }
        try {
            return RunConfigJson.read(file);
        } catch (RuntimeException e) { // InvalidConfigException among them
            throw new IOException(file + ": " + String.valueOf(e.getMessage()).replace('\n', ' '), e);
        }
    }

    /**
     * A run's data folder as recorded: a relative one that is not in the working directory is looked
     * up under the installation ({@code ringlab.home}), as the command line does for sample-data.
     */
    public static Path dataFolder(RunConfig config) {
        Path p = Path.of(config.data());
        String home = System.getProperty("ringlab.home");
        if (!p.isAbsolute() && !Files.exists(p) && home != null && Files.exists(Path.of(home).resolve(p))) {
            return Path.of(home).resolve(p);
        }
        return p;
    }

    /**
     * The FP32 network a run started from: its {@code init-from} (a file, a run folder, or for a
     * workspace run the id of another run of its workspace).
     *
     * @throws IOException one line when the run has no init-from
     */
    public static Path initFrom(Path run, RunConfig config) throws IOException {
        String init = config.initFrom() == null ? "" : config.initFrom().strip();
        if (init.isEmpty()) {
            throw new IOException(run + " has no init-from: name its FP32 network (an FP32 run or a PyTorch "
                    + "state dict)");
        }
        Path p = Path.of(init);
        if (!Files.exists(p) && init.matches("[0-9]{1,18}")) {
            return RunRef.atFolder(run).map(r -> RunRef.ofWorkspace(r.workspace(), Long.parseLong(init)).folder())
                    .orElse(p);
        }
        return p;
    }

    /**
     * @param run the quantized run's folder (config.json and checkpoint.params or resume.ckpt)
     * @param fp32 an FP32 run's folder or a PyTorch FP32 state dict ({@code .pth})
     * @param data the run's data set
     * @throws IOException one line naming the run or file and the problem (missing, not FP32, not quantized,
     *     another architecture)
     */
    public static ProbeResult run(Path run, Path fp32, LoadedData data, Options options, ProbeProgress progress)
            throws IOException {
        RunConfig config = runConfig(run);
        if (config.method() == Method.FP32) {
            throw new IOException(run + ": an FP32 run; the probe compares a quantized run with its FP32 network");
        }
        RunConfig fp32Config = fp32Config(fp32, config);
        // loads the engine, which the next line needs; no seed is set: the probe draws nothing at random on the
        // engine (every parameter comes from a file), and the window's in-process training shares the engine
        Engine.getInstance();
        JniUtils.setGradMode(false); // a new thread records autograd by default (see train's GradMode)
        ImageDataSet test = data.test();
        int images = Math.min(options.images(), test.count());
        if (images < test.numClasses()) {
            throw new IOException("--images " + options.images() + ": fewer than the " + test.numClasses()
                    + " classes");
        }
        ImageDataSet sample = test.subset(images, options.seed());
        Device device = Devices.select(config.device());
        try (NDManager root = NDManager.newBaseManager(device)) {
            BuiltModel quantized = ModelBuilder.build(config, data.train());
            quantized.block().initialize(root, DataType.FLOAT32, quantized.inputShape(1));
            loadRun(quantized, root, run);
            quantized.setProgress(1.0);
            quantized.setWeightMode(WeightMode.SNAPPED);
            BuiltModel reference = ModelBuilder.build(fp32Config, data.train());
            reference.block().initialize(root, DataType.FLOAT32, reference.inputShape(1));
            if (Files.isDirectory(fp32)) {
                loadRun(reference, root, fp32);
            } else {
                loadStateDict(reference, root, fp32);
            }
            ParameterStore store = new ParameterStore(root, false);
            BatchSampler sampler = new BatchSampler(sample, data.normalization(), config.testBatchSize(), options.seed(),
                    false, false);
            int batches = sampler.numBatches();
            FeatureCapture.Captured f = FeatureCapture.run(reference, store, root, sampler,
                    (done, total) -> progress.done(done, 2 * batches));
            FeatureCapture.Captured q = FeatureCapture.run(quantized, store, root, sampler,
                    (done, total) -> progress.done(batches + done, 2 * batches));
            if (f.names().size() != q.names().size()) {
                throw new IOException(fp32 + ": the FP32 network has " + f.names().size() + " probe points, the run "
                        + q.names().size() + ": not the same architecture");
            }
            return measure(fp32.toString(), run.toString(), sample, options, f, q);
        }
    }

    private static ProbeResult measure(String fp32, String run, ImageDataSet sample, Options options,
            FeatureCapture.Captured f, FeatureCapture.Captured q) throws IOException {
        int[] labels = sample.labels();
        int classes = sample.numClasses();
        List<ProbeResult.Point> points = new ArrayList<>();
        for (int p = 0; p < q.names().size(); p++) {
            double[][] a = f.features().get(p);
            double[][] b = q.features().get(p);
            if (a[0].length != b[0].length) {
                throw new IOException(fp32 + ": layer " + q.names().get(p) + " has " + a[0].length
                        + " features in the FP32 network, " + b[0].length + " in the run: not the same architecture");
            }
            double[][] sa = Discrimination.standardized(a);
            double[][] sb = Discrimination.standardized(b);
            Discrimination.Measure mf = Discrimination.of(sa, labels, classes);
            Discrimination.Measure mq = Discrimination.of(sb, labels, classes);
            double bin = Discrimination.of(Discrimination.binary(sa, options.kappa()), labels, classes).d();
            double ter = Discrimination.of(Discrimination.ternary(sa, options.kappa()), labels, classes).d();
            points.add(new ProbeResult.Point(q.names().get(p), b[0].length, mf.d(), mq.d(), bin, ter, mf.j(), mq.j()));
        }
        int n = sample.count();
        return new ProbeResult(fp32, run, n, options.seed(), options.kappa(), 100.0 * f.correct() / n,
                100.0 * q.correct() / n, points);
    }

    /** The configuration the FP32 network is built from; it must be the run's architecture on its data's shape. */
    private static RunConfig fp32Config(Path fp32, RunConfig run) throws IOException {
        if (!Files.exists(fp32)) {
            throw new IOException(fp32 + ": no such FP32 run folder or state dict file");
        }
        if (!Files.isDirectory(fp32)) {
            return run.toBuilder().method(Method.FP32).build();
        }
        RunConfig c = runConfig(fp32);
        if (c.method() != Method.FP32) {
            throw new IOException(fp32 + ": the run's method is " + c.method().key()
                    + "; the reference must be an FP32 run (or a PyTorch FP32 state dict)");
        }
        if (c.model() != run.model()) {
            throw new IOException(fp32 + ": an FP32 " + c.model().key() + "; the run is a " + run.model().key()
                    + ": not the same architecture");
        }
        // the architecture's switches come from the reference run; its data set's shape from the probed run
        return c;
    }

    private static void loadRun(BuiltModel model, NDManager manager, Path dir) throws IOException {
        Path params = dir.resolve(RunRecorder.CHECKPOINT);
        Path resume = dir.resolve(RESUME);
        if (Files.isRegularFile(params)) {
            Checkpoints.load(model, manager, params);
        } else if (Files.isRegularFile(resume)) {
            ResumeCheckpoint.read(resume).restoreParameters(model, resume);
        } else {
            throw new IOException(dir + ": the run has no checkpoint yet (" + RunRecorder.CHECKPOINT + " or " + RESUME
                    + ")");
        }
    }

    private static void loadStateDict(BuiltModel model, NDManager manager, Path file) throws IOException {
        TorchCheckpoint checkpoint;
        try {
            checkpoint = TorchCheckpoint.read(file);
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        }
        for (Map.Entry<String, Tensor> e : checkpoint.stateDict().entrySet()) {
            if (e.getKey().endsWith("positions")) {
                throw new IOException(file + ": " + e.getKey()
                        + " is a ring position: this is a ring checkpoint, not an FP32 state dict");
            }
        }
        try {
            ReferenceImporter.load(checkpoint, model, manager);
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
