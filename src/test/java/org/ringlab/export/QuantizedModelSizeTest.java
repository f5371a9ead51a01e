package org.ringlab.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;
import org.ringlab.quant.BitAccounting;

class QuantizedModelSizeTest {
    /**
     * The configuration JSON (~1.3 kB) and DJL's hierarchical parameter names (~80 B each, ~80 of
     * them in a ResNet-20) make up a header; rings, level tables and shapes add a little.
     */
    private static final long HEADER_ALLOWANCE = 12 * 1024;

    @Test
    void leNetRingEightIsTwoBitsPerWeightAndWithinFivePercentOfTheoryPlusHeader(@TempDir Path dir) throws IOException {
        QuantizedModelSize size = sizeOf(RunConfig.defaults(), 1, 28, dir);
        for (QuantizedModelSize.LayerBits layer : size.layers()) {
            assertEquals(4, layer.levels(), layer.layer());
            assertEquals(2, layer.bits(), layer.layer());
        }
        assertTrue(size.headerBytes() < HEADER_ALLOWANCE, "header " + size.headerBytes());
        // the bound: within 5 % of the packed codes plus the float parts, headers included
        assertTrue(size.fileBytes() <= 1.05 * size.theoreticalBytes(), size.toString());
    }

    @Test
    void resNet20RingFourIsOneBitPerWeightAndWithinFivePercentOfTheoryPlusHeader(@TempDir Path dir) throws IOException {
        RunConfig config = RunConfig.defaults().toBuilder().model(ModelKind.RESNET20).ringSize(4).build();
        QuantizedModelSize size = sizeOf(config, 3, 32, dir);
        assertEquals(21, size.layers().size(), "conv1, 18 block convs and 2 projection shortcuts");
        for (QuantizedModelSize.LayerBits layer : size.layers()) {
            assertEquals(1, layer.bits(), layer.layer());
        }
        assertTrue(size.headerBytes() < HEADER_ALLOWANCE, "header " + size.headerBytes());
        // the bound: within 5 % of the packed codes plus the float parts, headers included
        assertTrue(size.fileBytes() <= 1.05 * size.theoreticalBytes(), size.toString());
        assertTrue(size.compressionRatio() > 15, "ratio " + size.compressionRatio());
    }

    /**
     * The file's theoretical size is the whole-model figure (docs/methods/bits.md#compression) that BitAccounting
     * computes.
     */
    @Test
    void theoryAgreesWithBitAccounting(@TempDir Path dir) throws IOException {
        QuantizedModelSize size = sizeOf(RunConfig.defaults(), 1, 28, dir);
        List<BitAccounting.QuantizedTensor> tensors = new ArrayList<>();
        long ringWeights = 0;
        for (QuantizedModelSize.LayerBits layer : size.layers()) {
            tensors.add(new BitAccounting.QuantizedTensor(layer.layer(), layer.weights(), layer.bits(), 0));
            ringWeights += layer.weights();
        }
        long floats = size.fp32Bytes() / 4 - ringWeights;
        assertEquals(BitAccounting.wholeModelRatio(tensors, floats), size.fp32Bytes() / size.theoreticalBytes(),
                1e-12);
    }

    private static QuantizedModelSize sizeOf(RunConfig config, int channels, int imageSize, Path dir)
            throws IOException {
        Path file = dir.resolve(config.model().key() + ".rqm");
        long parameters;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            BuiltModel model = Models.initialised(config, channels, imageSize, manager);
            QuantizedModelWriter.write(config, model, file);
            parameters = model.block().getParameters().stream()
                    .mapToLong(p -> p.getValue().getArray().size()).sum();
        }
        QuantizedModelSize size = QuantizedModelSize.of(file);
        assertEquals(Files.size(file), size.fileBytes());
        assertEquals(4 * parameters, size.fp32Bytes(), "FP32 counts every stored parameter");
        System.out.printf("%s: file %,d B, theory %,.0f B, header %,d B, FP32 %,d B, ratio %.2f, over theory %.2f%%%n",
                config.model().key(), size.fileBytes(), size.theoreticalBytes(), size.headerBytes(),
                size.fp32Bytes(), size.compressionRatio(), 100 * size.overheadOverTheory());
        return size;
    }
}
