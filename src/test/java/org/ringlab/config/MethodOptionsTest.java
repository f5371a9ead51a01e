package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The method keys and their own settings: kebab-case keys, defaults, and every violation listed. */
class MethodOptionsTest {

    @Test
    void methodKeysAreKebabCaseAndParseBack() {
        assertEquals("ring-ste", Method.RING_STE.key());
        assertEquals("ring-anneal", Method.RING_ANNEAL.key());
        for (Method m : Method.values()) {
            assertEquals(m, Method.parse(m.key()));
        }
        assertEquals(List.of("fp32", "ring", "ring-ste", "ring-anneal", "twn", "ttq", "bitnet", "tequila", "lsq",
                "dorefa", "pow2", "slq", "mlq", "hitnet", "admm", "stq", "hla"), java.util.Arrays.stream(Method.values()).map(Method::key).toList());
    }

    @Test
    void defaultsFollowTheSpec() {
        RunConfig c = RunConfig.defaults();
        assertEquals(2, c.bits());
        assertEquals(TwnVariant.PAPER, c.twnVariant());
        assertEquals(0.05, c.ttqThreshold());
        assertEquals(1e-3, c.tequilaLambda());
        assertEquals(128, c.tequilaGroup());
        assertEquals(0.0, c.bitnetWarmup());
        assertTrue(!c.bitnetRmsnorm());
    }

    @Test
    void jsonRoundTripsTheNewKeys() {
        RunConfig c = RunConfigJson.fromJson("""
                {"method": "ring-anneal", "anneal-sigma": 0.1, "twn-variant": "repo", "bits": 4,
                 "bitnet-rmsnorm": true, "pow2-slope": 50, "tequila-group": 64}""");
        assertEquals(Method.RING_ANNEAL, c.method());
        assertEquals(0.1, c.annealSigma());
        assertEquals(TwnVariant.REPO, c.twnVariant());
        assertEquals(c, RunConfigJson.fromJson(RunConfigJson.toJson(c)));
    }

    @Test
    void everyViolationOfTheChosenMethodIsListedAndOtherMethodsKeysIgnored() {
        RunConfig lsq = RunConfig.builder().method(Method.LSQ).bits(9).ttqThreshold(5).build();
        assertEquals(List.of("bits 9: lsq needs 1..8 bits"), lsq.validate(null));
        RunConfig pow2 = RunConfig.builder().method(Method.POW2).bits(7).pow2Slope(0.5).build();
        List<String> problems = pow2.validate(null);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bits 7: pow2 needs 1..6 bits"));
        assertTrue(problems.get(1).startsWith("pow2-slope 0.5"));
        assertEquals(List.of("anneal-sigma 0.5: must be in (0, sigma) to anneal (sigma = 0.5)"),
                RunConfig.builder().method(Method.RING_ANNEAL).annealSigma(0.5).build().validate(null));
        assertEquals(2, RunConfig.builder().method(Method.TEQUILA).tequilaGroup(0).tequilaLambda(-1).build()
                .validate(null).size());
        assertEquals(List.of("bitnet-layerwise true: needs a λ warm-up to stagger: set bitnet-warmup > 0"),
                RunConfig.builder().method(Method.BITNET).bitnetLayerwise(true).build().validate(null));
        assertEquals(List.of(), RunConfig.builder().method(Method.BITNET).bitnetLayerwise(true).bitnetWarmup(0.2)
                .build().validate(null));
        assertEquals(List.of(), RunConfig.builder().method(Method.TWN).bits(99).annealSigma(-1).build()
                .validate(null), "keys of other methods are ignored, like ring-size for fp32");
    }
}
