package org.ringlab.export;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.ringlab.config.ModelKind;
import org.ringlab.config.RunConfig;
import org.ringlab.io.ByteMutation;
import org.ringlab.io.FuzzFolder;
import org.ringlab.io.ReaderOutcome;

/**
 * Property-based fuzzing of the {@code .rqm} reader from files the project's writer made (an MLP
 * with ring layers, one with Tequila's coded layers) and a hand-made one with a ring bias. Mutated files are mostly resealed (length
 * and CRC-32 fixed up) so that the parser behind the checksum sees them: whatever the bytes,
 * reading gives a model file or an IOException with one line, never another exception, an Error
 * or a hang.
 */
class RqmFuzzTest {
    private static final Path DIR = FuzzFolder.create("ringlab-rqm-fuzz");
    private static final List<byte[]> SEEDS = List.of(written(RunConfig.defaults()), handMade(),
            written(RunConfig.defaults().toBuilder().method(org.ringlab.config.Method.TEQUILA).tequilaGroup(100).build()));

    /** An MLP as the writer makes it: ring layers (version 2), or Tequila's coded layers with group scales and folded biases (version 3). */
    private static byte[] written(RunConfig base) {
        RunConfig config = base.toBuilder().model(ModelKind.MLP).build();
        Path file = DIR.resolve("seed-" + config.method().key() + ".rqm");
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            QuantizedModelWriter.write(config, Models.initialised(config, 1, 28, manager), file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One ring layer of 3 levels (2 bits) with a ring bias, and one float parameter. */
    private static byte[] handMade() {
        return new RqmBytes().shape(3, 32, 32, 10).deflated("{\"model\": \"lenet\"}".getBytes(StandardCharsets.UTF_8))
                .i32(1).deflated(RqmBytes.layerTable("conv1", new float[] {-1, 0, 1, 0}, new float[] {-1, 0, 1}, 2))
                .i32(5).raw(new byte[] {(byte) 0b10_01_00_10, 0b01}).u8(1).i32(2).raw(new byte[] {0b0110})
                .i32(1).deflated("bn.gamma".getBytes(StandardCharsets.UTF_8))
                .u8(2).i64(2).i64(2).raw(new byte[16])
                .finish();
    }

    @AfterContainer
    static void removeFiles() throws IOException {
        FuzzFolder.delete(DIR);
    }

    @Provide
    Arbitrary<List<ByteMutation>> mutations() {
        return ByteMutation.lists(6);
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, SEEDS.size() - 1);
    }

    @Property
    void mutatedFiles(@ForAll("seeds") int seed, @ForAll("mutations") List<ByteMutation> mutations,
            @ForAll("resealed") boolean reseal) throws IOException {
        byte[] bytes = ByteMutation.applyAll(SEEDS.get(seed), mutations);
        if (reseal && bytes.length >= RqmFormat.PREAMBLE_BYTES + RqmFormat.CRC_BYTES) {
            bytes = RqmBytes.resealed(bytes);
        }
        Path file = Files.write(DIR.resolve("fuzz.rqm"), bytes);
        ReaderOutcome.check(() -> RqmFile.read(file), IOException.class);
    }

    /** Nine in ten files pass the checksum; the rest test it. */
    @Provide
    Arbitrary<Boolean> resealed() {
        return Arbitraries.integers().between(0, 9).map(i -> i != 0);
    }
}
