package org.ringlab.nn.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ringlab.config.Method;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.ModelFactory;
import org.ringlab.nn.QuantizedLayer;
import org.ringlab.nn.quantizer.LatentAxis;
import org.ringlab.nn.quantizer.QuantizerFactory;
import org.ringlab.sweep.SweepGrid;
import org.ringlab.sweep.SweepPoint;
import org.ringlab.train.BitsReport;
import org.ringlab.train.ModelBuilder;

/** Every method has every surface: descriptor, quantizer, label, latent view, bits, sweep axes, docs row. */
class MethodRegistryTest {

    /** A small configuration of {@code method}: every setting at its default, bits inside every method's range. */
    private static RunConfig small(Method method) {
        return RunConfig.defaults().toBuilder().method(method).bits(3).build();
    }

    @Test
    void everyMethodHasExactlyOneDescriptor() {
        Set<Method> seen = new HashSet<>();
        for (MethodDescriptor d : MethodRegistry.all()) {
            assertTrue(seen.add(d.method()), d.key() + " is registered twice");
            assertSame(d, MethodRegistry.of(d.method()));
            assertSame(d, MethodRegistry.find(d.key().toUpperCase(java.util.Locale.ROOT)).orElseThrow());
        }
        assertEquals(Set.of(Method.values()), seen);
        assertTrue(MethodRegistry.find("no-such-method").isEmpty());
        assertTrue(MethodRegistry.find(null).isEmpty());
        assertSame(MethodRegistry.of(Method.RING_STE), MethodRegistry.find(" ring-ste ").orElseThrow());
    }

    @Test
    void aMissingOrDoubleRegistrationIsRefusedWithTheMethodsName() {
        List<MethodDescriptor> withoutTwn = MethodRegistry.all().stream().filter(d -> d.method() != Method.TWN)
                .toList();
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> MethodRegistry.index(withoutTwn));
        assertTrue(missing.getMessage().contains("[twn]"), missing.getMessage());
        List<MethodDescriptor> twice = new java.util.ArrayList<>(MethodRegistry.all());
        twice.add(new LsqDescriptor());
        IllegalStateException doubled = assertThrows(IllegalStateException.class, () -> MethodRegistry.index(twice));
        assertTrue(doubled.getMessage().contains("lsq"), doubled.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void labelSettingsAndBitWidthsAreDeclared(Method method) {
        MethodDescriptor d = MethodRegistry.of(method);
        assertFalse(d.label().isBlank());
        assertEquals(method.inferred(), d.label().contains("INFERRED"), d.label());
        assertFalse(d.summary().isBlank());
        assertEquals(method.inferred(), d.summary().contains("INFERRED"), "the docs say what is inferred");
        assertTrue(RunConfigJson.keys().containsAll(method.settings()),
                method + " names a key the config does not have: " + method.settings());
        assertEquals(method.usesBits(), method.settings().contains("bits"));
        assertEquals(method.usesBits(), !method.bitWidths().isEmpty());
        assertEquals(method.usesRing(), method.settings().contains("ring-size"));
    }

    /**
     * The validator's ranges and choices follow the method's facts: it checks exactly the keys the
     * method uses (bits over exactly its bit widths), and ignores the others.
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void validationChecksExactlyTheMethodsSettings(Method method) {
        RunConfig broken = small(method).toBuilder().bits(99).ttqThreshold(5).bitnetWarmup(5).tequilaGroup(0)
                .tequilaLambda(-1).annealSigma(-1).pow2Slope(0).ringSize(1).build();
        Set<String> brokenKeys = Set.of("bits", "ttq-threshold", "bitnet-warmup", "tequila-group", "tequila-lambda",
                "anneal-sigma", "pow2-slope", "ring-size");
        Set<String> flagged = new HashSet<>();
        for (String line : broken.validate(null)) {
            flagged.add(line.substring(0, line.indexOf(' ')));
        }
        for (String key : brokenKeys) {
            assertEquals(method.usesSetting(key), flagged.contains(key), method + " and " + key + ": " + flagged);
        }
        for (int bits = -1; bits <= 10; bits++) {
            boolean valid = small(method).toBuilder().bits(bits).build().validate(null).stream()
                    .noneMatch(line -> line.startsWith("bits "));
            assertEquals(!method.usesBits() || method.bitWidths().contains(bits), valid, method + " bits " + bits);
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theQuantizerBuildsAndAgreesWithTheLatentViewAndTheBitCount(Method method) {
        MethodDescriptor d = MethodRegistry.of(method);
        RunConfig config = small(method);
        QuantizerFactory factory = d.quantizer(config);
        LatentView view = d.latentView();
        BitCount bits = d.bitCount();
        assertNotNull(view);
        assertNotNull(bits);
        assertFalse(bits.nominal().isBlank() || bits.codes().isBlank() || bits.sideInformation().isBlank());
        if (!method.quantized()) {
            assertNull(factory, "the baseline quantizes nothing");
            assertEquals(LatentView.Kind.NONE, view.kind());
            assertEquals(32, d.nominalBits(config));
            assertEquals(method.displayName(), d.label(config));
            return;
        }
        assertEquals(method.usesRing() ? LatentView.Kind.RING_POSITIONS : LatentView.Kind.FLOAT_LATENT, view.kind());
        assertEquals(method.key(), factory.method());
        assertEquals(method.usesRing(), factory.isRing());
        assertEquals(factory.label(), d.label(config));
        assertEquals(factory.label(), ModelBuilder.methodLabel(config));

        BuiltModel model = ModelFactory.build(ModelBuilder.spec(config, 1, 28, 28, 10));
        try (NDManager root = NDManager.newBaseManager()) {
            model.block().initialize(root, DataType.FLOAT32, model.inputShape(1));
            model.setProgress(0.5);
            NDArray logits = model.block().forward(new ParameterStore(root, false),
                    new NDList(root.randomNormal(model.inputShape(2))), false).singletonOrThrow();
            assertEquals(20, logits.size());
            for (float v : logits.toFloatArray()) {
                assertTrue(Float.isFinite(v), method + " forward: " + v);
            }
            for (QuantizedLayer layer : model.quantizedLayers()) {
                LatentAxis axis = layer.quantizer().axis(0.5);
                assertEquals(view.coordinate(), axis.coordinate(), method + " " + layer.layerName());
                assertEquals(method.inferred(), axis.inferred());
            }
            BitsReport report = BitsReport.of(method.key(), d.label(config), model);
            assertEquals(d.nominalBits(config), report.nominalBits(), 1e-12, method + " nominal bits");
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theSweepGridVariesExactlyTheAxesThatApply(Method method) throws IOException {
        assertEquals(method.usesBits(), SweepGrid.usesBits(method.key()));
        assertEquals(method.usesRing(), SweepGrid.usesRingAxes(method.key()));
        ObjectNode base = (ObjectNode) new ObjectMapper().readTree(RunConfigJson.toJson(RunConfig.defaults()));
        List<SweepPoint> points = new SweepGrid(List.of(method.key()), List.of("triangle"), List.of(4, 8),
                List.of(2, 3), List.of(1L)).expand(base, null);
        assertEquals((method.usesRing() ? 2 : 1) * (method.usesBits() ? 2 : 1), points.size(),
                points.stream().map(SweepPoint::name).toList().toString());
        for (SweepPoint p : points) {
            assertEquals(method, p.config().method());
            assertEquals(method.usesBits(), p.name().matches(".*-b[23]-s1"), p.name());
        }
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void theDocsTableHasARowForTheMethod(Method method) throws IOException {
        String doc = Files.readString(Path.of("docs", "methods.md"), StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf(MethodsTable.START), doc.indexOf(MethodsTable.END));
        assertTrue(table.contains("| `" + method.key() + "` | " + MethodRegistry.of(method).label() + " |"),
                "docs/methods.md has no row for " + method.key());
    }
}
