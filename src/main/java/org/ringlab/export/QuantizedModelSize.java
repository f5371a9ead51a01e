package org.ringlab.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an {@code .rqm} file really costs, against the FP32 model and the theory of
 * docs/methods/bits.md#compression: Σ b·N over the ring tensors plus 32 bits per float parameter.
 *
 * @param fileBytes the file's size
 * @param fp32Bytes 4 bytes × every stored parameter (ring weights and biases, float parameters)
 * @param theoreticalBytes (Σ b·N + 32·N_float) / 8
 * @param headerBytes every byte that holds neither a weight code nor a float value: magic,
 *     configuration JSON, names, rings, level tables, shapes, CRC (the parameter names DJL gives a
 *     ResNet are most of it)
 * @param layers the ring layers' code widths, in forward order
 */
public record QuantizedModelSize(long fileBytes, long fp32Bytes, double theoreticalBytes, long headerBytes,
        List<LayerBits> layers) {

    /**
     * @param levels L, the ring's distinct values
     * @param bits b = ceil(log2 L) per weight
     * @param weights the layer's ring weights, ring biases included
     * @param sideFloats floats stored beside the codes (another method's units, scales, folded biases; 0 for a ring)
     */
    public record LayerBits(String layer, int levels, int bits, long weights, long sideFloats) {
    }

    public static QuantizedModelSize of(Path file) throws IOException {
        RqmFile rqm = RqmFile.read(file);
        long parameters = 0;
        long theoryBits = 0;
        long dataBytes = 0;
        List<LayerBits> layers = new ArrayList<>();
        for (RqmFile.RingTensors t : rqm.ringLayers()) {
            long n = (long) t.weightCodes().length + (t.biasCodes() == null ? 0 : t.biasCodes().length);
            layers.add(new LayerBits(t.name(), t.levels().length, t.bits(), n, 0));
            parameters += n;
            theoryBits += n * t.bits();
            dataBytes += BitPacking.packedBytes(t.weightCodes().length, t.bits());
            if (t.biasCodes() != null) {
                dataBytes += BitPacking.packedBytes(t.biasCodes().length, t.bits());
            }
        }
        for (CodedLayer c : rqm.codedLayers()) {
            long n = c.codes().length;
            layers.add(new LayerBits(c.name(), c.units().length, c.bits(), n, c.sideFloats()));
            parameters += n;
            theoryBits += n * c.bits() + 32 * c.sideFloats();
            dataBytes += BitPacking.packedBytes(n, c.bits()) + 4 * c.sideFloats();
        }
        for (RqmFile.FloatTensor t : rqm.floats()) {
            parameters += t.values().length;
            theoryBits += 32L * t.values().length;
            dataBytes += 4L * t.values().length;
        }
        return new QuantizedModelSize(rqm.fileBytes(), 4 * parameters, theoryBits / 8.0, rqm.fileBytes() - dataBytes,
                List.copyOf(layers));
    }

    /** FP32 size over file size: the whole-model compression the file really achieves. */
    public double compressionRatio() {
        return (double) fp32Bytes / fileBytes;
    }

    /** How far the file exceeds the theoretical size, as a fraction: what headers and padding cost. */
    public double overheadOverTheory() {
        return fileBytes / theoreticalBytes - 1;
    }
}
