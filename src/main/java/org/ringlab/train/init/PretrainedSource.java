package org.ringlab.train.init;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringlab.config.InvalidConfigException;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.ImageDataSet;
import org.ringlab.interop.CheckpointException;
import org.ringlab.interop.ReferenceImporter;
import org.ringlab.interop.Tensor;
import org.ringlab.interop.TorchCheckpoint;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.init.FloatLayer;
import org.ringlab.train.Checkpoints;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.ResumeCheckpoint;
import org.ringlab.train.RunRecorder;

/**
 * Reads what {@code init-from} names into a {@link FloatNetwork}: a RingLab FP32 run (its folder, or
 * its {@code checkpoint.params} / {@code resume.ckpt}) or a PyTorch FP32 state dict, which goes
 * through the restricted unpickler and {@link ReferenceImporter}'s name mapping. The FP32 model it is
 * loaded into lives in a sub-manager closed before this returns.
 */
public final class PretrainedSource {
    static final String RESUME = "resume.ckpt";

    private PretrainedSource() {
    }

    /**
     * @param target the run being started: a state dict is loaded into its architecture in FP32
     * @param data its training set (image shape and classes)
     * @throws IOException one line naming {@code source} and the problem
     */
    public static FloatNetwork read(Path source, RunConfig target, ImageDataSet data, NDManager manager)
            throws IOException {
        if (!Files.exists(source)) {
            boolean id = source.toString().matches("\\d+");
            throw new IOException("init-from " + source + ": no such file or run folder"
                    + (id ? " (a workspace run id works where a workspace is open: the window, or ringlab train "
                            + "--workspace DIR)" : ""));
        }
        String name = source.getFileName() == null ? "" : source.getFileName().toString();
        Path runFolder = Files.isDirectory(source) ? source
                : name.equals(RunRecorder.CHECKPOINT) || name.equals(RESUME) ? source.toAbsolutePath().getParent()
                : null;
        try (NDManager scratch = manager.newSubManager()) {
            BuiltModel model = runFolder != null ? fromRun(runFolder, data, scratch)
                    : fromStateDict(source, target, data, scratch);
            return extract(source.toString(), model.block());
        }
    }

    private static BuiltModel fromRun(Path dir, ImageDataSet data, NDManager manager) throws IOException {
        Path configFile = dir.resolve(RunRecorder.CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new IOException("init-from " + dir + ": not a RingLab run folder (it has no " + RunRecorder.CONFIG
                    + ")");
        }
        RunConfig config;
        try {
            config = RunConfigJson.read(configFile);
        } catch (InvalidConfigException e) {
            throw new IOException("init-from " + dir + ": " + e.getMessage().replace('\n', ' '), e);
        }
        if (config.method() != Method.FP32) {
            throw new IOException("init-from " + dir + ": the run's method is " + config.method().key()
                    + "; only an FP32 run can be the starting point (its float weights)");
        }
        BuiltModel model = ModelBuilder.build(config, data);
        model.block().initialize(manager, DataType.FLOAT32, model.inputShape(1));
        Path params = dir.resolve(RunRecorder.CHECKPOINT);
        Path resume = dir.resolve(RESUME);
        if (Files.isRegularFile(params)) {
            Checkpoints.load(model, manager, params);
        } else if (Files.isRegularFile(resume)) {
            ResumeCheckpoint.read(resume).restoreParameters(model, resume);
        } else {
            throw new IOException("init-from " + dir + ": the run has no checkpoint yet (" + RunRecorder.CHECKPOINT
                    + " or " + RESUME + ")");
        }
        return model;
    }

    private static BuiltModel fromStateDict(Path file, RunConfig target, ImageDataSet data, NDManager manager)
            throws IOException {
        TorchCheckpoint checkpoint;
        try {
            checkpoint = TorchCheckpoint.read(file);
        } catch (CheckpointException e) {
            throw new IOException("init-from " + e.getMessage(), e);
        }
        for (Map.Entry<String, Tensor> e : checkpoint.stateDict().entrySet()) {
            if (e.getKey().endsWith("positions")) {
                throw new IOException("init-from " + file + ": " + e.getKey()
                        + " is a ring position: this is a ring checkpoint, not an FP32 state dict");
            }
        }
        BuiltModel model = ModelBuilder.build(target.toBuilder().method(Method.FP32).build(), data);
        try {
            ReferenceImporter.load(checkpoint, model, manager);
        } catch (CheckpointException e) {
            // the importer names the file and the tensor; say which setting read it
            throw new IOException("init-from " + e.getMessage(), e);
        }
        return model;
    }

    /** The FP32 model's tensors as plain arrays, in forward order. */
    static FloatNetwork extract(String source, Block root) {
        List<FloatNetwork.Leaf> leaves = new ArrayList<>();
        int convs = 0;
        int linears = 0;
        int norms = 0;
        for (Block b : Leaves.of(root)) {
            String kind = Leaves.kind(b);
            if (b instanceof BatchNorm) {
                leaves.add(new FloatNetwork.Norm("BatchNorm #" + norms++, new FloatNetwork.Stats(
                        values(b, Parameter.Type.GAMMA), values(b, Parameter.Type.BETA),
                        values(b, Parameter.Type.RUNNING_MEAN), values(b, Parameter.Type.RUNNING_VAR))));
                continue;
            }
            String name = kind + " #" + (kind.equals("conv") ? convs++ : linears++);
            Parameter w = Leaves.param(b, Parameter.Type.WEIGHT);
            Parameter bias = Leaves.param(b, Parameter.Type.BIAS);
            leaves.add(new FloatNetwork.Weighted(kind, new FloatLayer(name, w.getArray().toFloatArray(),
                    w.getArray().getShape().getShape(), bias == null ? null : bias.getArray().toFloatArray())));
        }
        return new FloatNetwork(source, leaves);
    }

    private static float[] values(Block b, Parameter.Type type) {
        return Leaves.param(b, type).getArray().toFloatArray();
    }
}
