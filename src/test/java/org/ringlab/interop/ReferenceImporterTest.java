package org.ringlab.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringlab.config.ModelKind;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.ModelSpec;
import org.ringlab.nn.RingLayer;
import org.ringlab.quant.Ring;
import org.ringlab.quant.RingMode;
import org.ringlab.quant.RingType;

class ReferenceImporterTest {
    private static BuiltModel resnet(ModelKind a, Integer ringSize) {
        Ring ring = ringSize == null ? null : Ring.of(RingType.TRIANGLE, ringSize, RingMode.REFERENCE);
        return ModelFactory.build(new ModelSpec(a, 3, 32, 32, 10, ring, false, true, true, false));
    }

    @Test
    void loadsResNet20Ring4IntoTheRingModel() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_ResNet20_ring4.pth"));
        BuiltModel model = resnet(ModelKind.RESNET20, 4);
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, String> where = ReferenceImporter.load(c, model, manager);
            assertEquals(List.copyOf(c.stateDict().keySet()), List.copyOf(where.keySet()));

            RingLayer shortcut = model.ringLayers().stream()
                    .filter(l -> l.layerName().equals("layer2.0.shortcut.0")).findFirst().orElseThrow();
            assertArrayEquals(c.tensor("layer2.0.shortcut.0.positions").floats(),
                    shortcut.positions().getArray().toFloatArray());

            List<Block> norms = blocks(model.block(), BatchNorm.class);
            assertEquals(21, norms.size());
            assertEquals("BatchNorm #9 gamma", where.get("layer2.0.shortcut.1.weight"));
            assertArrayEquals(c.tensor("layer2.0.shortcut.1.weight").floats(), value(norms.get(9), Parameter.Type.GAMMA));
            assertArrayEquals(c.tensor("layer2.0.shortcut.1.running_var").floats(),
                    value(norms.get(9), Parameter.Type.RUNNING_VAR));
            assertArrayEquals(c.tensor("layer3.2.bn2.running_mean").floats(),
                    value(norms.get(20), Parameter.Type.RUNNING_MEAN));

            Block linear = blocks(model.block(), Linear.class).get(0);
            assertArrayEquals(c.tensor("linear.weight").floats(), value(linear, Parameter.Type.WEIGHT));
            assertArrayEquals(c.tensor("linear.bias").floats(), value(linear, Parameter.Type.BIAS));
        }
    }

    @Test
    void loadsTheFp32CheckpointIntoAnFp32Model() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_resnet20_none.pth"));
        BuiltModel model = resnet(ModelKind.RESNET20, null);
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<String, String> where = ReferenceImporter.load(c, model, manager);
            assertEquals(c.stateDict().size(), where.size());
            List<Block> convs = blocks(model.block(), Conv2d.class);
            assertEquals(21, convs.size());
            assertArrayEquals(c.tensor("conv1.weight").floats(), value(convs.get(0), Parameter.Type.WEIGHT));
            assertEquals("conv #20 weight", where.get("layer3.2.conv2.weight"));
            assertEquals("conv #16 weight", where.get("layer3.0.shortcut.0.weight"));
            assertArrayEquals(c.tensor("layer3.0.shortcut.0.weight").floats(), value(convs.get(16), Parameter.Type.WEIGHT));
        }
    }

    @Test
    void refusesARingOfAnotherSize() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_ResNet20_ring4.pth"));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> ReferenceImporter.load(c, resnet(ModelKind.RESNET20, 8), manager));
            assertTrue(e.getMessage().contains("conv1.ring_template"), e.getMessage());
        }
    }

    @Test
    void refusesADeeperModelsCheckpoint() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_ResNet32_ring4.pth"));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> ReferenceImporter.load(c, resnet(ModelKind.RESNET20, 4), manager));
            assertTrue(e.getMessage().contains("layer1.3.conv1"), e.getMessage());
        }
    }

    @Test
    void refusesAnFp32CheckpointForARingModel() throws IOException {
        TorchCheckpoint c = TorchCheckpoint.read(ReferenceCheckpoints.file("best_resnet20_none.pth"));
        try (NDManager manager = NDManager.newBaseManager()) {
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> ReferenceImporter.load(c, resnet(ModelKind.RESNET20, 4), manager));
            assertTrue(e.getMessage().contains("conv1"), e.getMessage());
        }
    }

    private static List<Block> blocks(Block root, Class<? extends Block> type) {
        List<Block> out = new ArrayList<>();
        if (type.isInstance(root)) {
            out.add(root);
        }
        for (Block child : root.getChildren().values()) {
            out.addAll(blocks(child, type));
        }
        return out;
    }

    private static float[] value(Block block, Parameter.Type type) {
        return block.getDirectParameters().values().stream().filter(p -> p.getType() == type).findFirst()
                .orElseThrow().getArray().toFloatArray();
    }
}
