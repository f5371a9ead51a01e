package org.ringlab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.data.DataSets;
import org.ringlab.data.ImageDataSet;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.init.FloatLayer;
import org.ringlab.nn.method.MethodRegistry;
import org.ringlab.train.ModelBuilder;
import org.ringlab.train.init.FloatNetwork;
import org.ringlab.train.init.InitReport;
import org.ringlab.train.init.PretrainedSource;
import org.ringlab.train.init.PretrainedStart;

/**
 * {@code init-from} a PyTorch state dict generated here (the MLP 784-256-10 with BatchNorm, torch's
 * key names): read through the restricted unpickler and the importer's name mapping, then LSQ-8 set
 * from it; a tensor of the wrong shape is one line naming it.
 */
class InitFromStateDictTest {
    private static ImageDataSet mnist;

    @BeforeAll
    static void data() throws IOException {
        mnist = DataSets.load(Path.of(System.getProperty("ringlab.repo", ".")).resolve("sample-data")).train();
    }

    private static RunConfig mlp(Method method) {
        return RunConfig.defaults().toBuilder().model(ModelKind.MLP).method(method).bits(8).build();
    }

    /** The state dict's tensors in torch's order: name → (shape, values). */
    private static Map<String, float[]> tensors(int fc1Inputs, Map<String, int[]> shapes) {
        Random r = new Random(7);
        Map<String, float[]> t = new LinkedHashMap<>();
        put(t, shapes, "fc1.weight", new int[] {256, fc1Inputs}, r, 0.05f, 0f);
        put(t, shapes, "fc1.bias", new int[] {256}, r, 0.05f, 0f);
        put(t, shapes, "bn.weight", new int[] {256}, r, 0.1f, 1f);
        put(t, shapes, "bn.bias", new int[] {256}, r, 0.1f, 0f);
        put(t, shapes, "bn.running_mean", new int[] {256}, r, 0.1f, 0f);
        put(t, shapes, "bn.running_var", new int[] {256}, r, 0.1f, 1f);
        put(t, shapes, "fc2.weight", new int[] {10, 256}, r, 0.1f, 0f);
        put(t, shapes, "fc2.bias", new int[] {10}, r, 0.1f, 0f);
        return t;
    }

    private static void put(Map<String, float[]> t, Map<String, int[]> shapes, String key, int[] shape, Random r,
            float spread, float offset) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = offset + spread * (float) r.nextGaussian();
            if (key.endsWith("running_var")) {
                v[i] = Math.abs(v[i]);
            }
        }
        t.put(key, v);
        shapes.put(key, shape);
    }

    /** {'model_state_dict': OrderedDict(key=tensor, ...)} as torch.save writes it. */
    private static Path write(Path dir, Map<String, float[]> tensors, Map<String, int[]> shapes) throws IOException {
        CraftedCheckpoint c = new CraftedCheckpoint().proto().op('}').string("model_state_dict");
        c.global("collections", "OrderedDict").op(')', 'R');
        int storage = 0;
        for (Map.Entry<String, float[]> e : tensors.entrySet()) {
            int[] shape = shapes.get(e.getKey());
            int[] stride = new int[shape.length];
            int s = 1;
            for (int i = shape.length - 1; i >= 0; i--) {
                stride[i] = s;
                s *= shape[i];
            }
            String key = Integer.toString(storage++);
            c.string(e.getKey()).floatTensor(key, e.getValue().length, 0, shape, stride).op('s');
            c.storage(key, e.getValue());
        }
        return c.op('s', '.').write(dir, "mlp_fp32");
    }

    @Test
    void lsq8StartsFromAGeneratedStateDictThroughTheImporter(@TempDir Path dir) throws IOException {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> t = tensors(784, shapes);
        Path file = write(dir, t, shapes);
        RunConfig config = mlp(Method.LSQ);
        try (NDManager manager = NDManager.newBaseManager()) {
            FloatNetwork net = PretrainedSource.read(file, config, mnist, manager);
            List<String> kinds = new ArrayList<>();
            net.leaves().forEach(l -> kinds.add(l.kind()));
            assertEquals(List.of("linear", "BatchNorm", "linear"), kinds);
            FloatLayer fc1 = ((FloatNetwork.Weighted) net.leaves().get(0)).layer();
            assertArrayEquals(t.get("fc1.weight"), fc1.weight(), "fc1.weight mapped to the first linear");
            assertArrayEquals(t.get("fc1.bias"), fc1.bias());
            FloatNetwork.Stats bn = ((FloatNetwork.Norm) net.leaves().get(1)).stats();
            assertArrayEquals(t.get("bn.running_var"), bn.variance());
            assertArrayEquals(t.get("fc2.weight"), ((FloatNetwork.Weighted) net.leaves().get(2)).layer().weight());

            BuiltModel model = ModelBuilder.build(config, mnist);
            model.block().initialize(manager, DataType.FLOAT32, model.inputShape(1));
            InitReport report = PretrainedStart.apply(net, model, MethodRegistry.of(Method.LSQ).floatInit());
            assertEquals(1, report.layers().size(), "fc1 quantized, the classifier float");
            InitReport.Layer l = report.layers().get(0);
            assertEquals("fc1", l.name());
            assertEquals(1.0, l.scale(), 0.0);
            assertTrue(l.snappedError() > 0 && l.snappedError() < 0.052, "LSQ-8 relative error " + l.snappedError());
            float step = model.quantizedLayers().get(0).quantizer().parameters().get(1).getArray().getFloat(0);
            double meanAbs = 0;
            for (float v : t.get("fc1.weight")) {
                meanAbs += Math.abs(v);
            }
            meanAbs /= t.get("fc1.weight").length;
            assertEquals(2 * meanAbs / Math.sqrt(127), step, 1e-6, "LSQ's step 2·mean|W|/√Q_P");
        }
    }

    @Test
    void aTensorOfTheWrongShapeIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Path file = write(dir, tensors(783, shapes), shapes);
        try (NDManager manager = NDManager.newBaseManager()) {
            IOException e = assertThrows(IOException.class,
                    () -> PretrainedSource.read(file, mlp(Method.RING_STE), mnist, manager));
            assertTrue(e.getMessage().startsWith("init-from " + file) && e.getMessage().contains("fc1.weight")
                    && e.getMessage().contains("783"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aRingLabNetworkOfTheWrongShapeIsOneLineNamingTheLayer() throws IOException {
        // what a RingLab FP32 run of another input size gives: fc1 [256, 783] against the model's [256, 784]
        FloatNetwork net = new FloatNetwork("runs/other", List.of(
                new FloatNetwork.Weighted("linear", new FloatLayer("linear #0", new float[256 * 783],
                        new long[] {256, 783}, new float[256])),
                new FloatNetwork.Norm("BatchNorm #0", new FloatNetwork.Stats(new float[256], new float[256],
                        new float[256], new float[256])),
                new FloatNetwork.Weighted("linear", new FloatLayer("linear #1", new float[2560],
                        new long[] {10, 256}, new float[10]))));
        RunConfig config = mlp(Method.TWN);
        try (NDManager manager = NDManager.newBaseManager()) {
            BuiltModel model = ModelBuilder.build(config, mnist);
            model.block().initialize(manager, DataType.FLOAT32, model.inputShape(1));
            IOException e = assertThrows(IOException.class,
                    () -> PretrainedStart.apply(net, model, MethodRegistry.of(Method.TWN).floatInit()));
            assertEquals("init-from runs/other: linear #0 weight is [256, 783] but the model's fc1 (linear #0) weight "
                    + "is [256, 784]", e.getMessage());
        }
    }
}
