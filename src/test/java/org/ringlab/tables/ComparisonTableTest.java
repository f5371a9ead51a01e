package org.ringlab.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.quant.RingType;
import org.ringlab.config.RunConfig;

class ComparisonTableTest {
    @TempDir
    Path tmp;

    private Table table;

    @BeforeEach
    void readRuns() throws IOException {
        table = ComparisonTable.of(RunTable.read(List.of(RunDirs.fp32(tmp, "fp32"), RunDirs.ring(tmp, "s1", 1, 0.91),
                RunDirs.ring(tmp, "s2", 2, 0.92), RunDirs.ring(tmp, "s3", 3, 0.96))));
    }

    private Object cell(int row, String column) {
        return table.column(column).get(row);
    }

    @Test
    void referenceTriangle8IsNominally3BitsWith4LevelsIn2Bits() {
        RunBits bits = RunBits.of(RunConfig.defaults());
        assertEquals(3.0, bits.nominalBits(), 1e-12);
        assertEquals(4, bits.levels());
        assertEquals(2, bits.levelBits());
        assertEquals("triangle-8 reference", RunBits.methodLabel(RunConfig.defaults()));
        RunBits sin8 = RunBits.of(RunConfig.defaults().toBuilder().ringType(RingType.SIN).build());
        assertEquals(7, sin8.levels(), "docs/methods/bits.md#per-method: sin-8 has 7 levels");
        assertEquals(3, sin8.levelBits());
    }

    @Test
    void activationBitsAreAColumnAndSeparateRows() throws IOException {
        RunConfig w2 = RunConfig.defaults().toBuilder().method(org.ringlab.config.Method.LSQ).bits(2).build();
        String metrics = RunDirs.HEADER + "1,100,0.5,0.8,0.9,0.85,0.88,0.001,1000,10.0,10.0\n";
        Table t = ComparisonTable.of(RunTable.read(List.of(RunDirs.write(tmp.resolve("w2"), w2, metrics),
                RunDirs.write(tmp.resolve("w2a2"), w2.toBuilder().actBits(2).build(), metrics),
                RunDirs.write(tmp.resolve("w2a4"), w2.toBuilder().actBits(4).build(), metrics))));
        assertEquals(List.of("w2", "w2a2", "w2a4"), t.column("run"), "W2, W2A2 and W2A4 are three configurations");
        assertEquals(List.of(32, 2, 4), t.column("act_bits"), "32: float activations");
        assertEquals(ComparisonTable.COLUMNS.indexOf("nominal_bits") + 1, ComparisonTable.COLUMNS.indexOf("act_bits"));
        assertEquals(32, cell(0, "act_bits"), "an FP32 run's activations are float");
    }

    @Test
    void fp32IsA32BitRowWithItsOwnFigures() {
        assertEquals("fp32", cell(0, "method"));
        assertEquals("mlp", cell(0, "model"));
        assertEquals(32.0, cell(0, "nominal_bits"));
        assertNull(cell(0, "levels"));
        assertEquals(32.0, cell(0, "level_bits"));
        assertTrue(Cells.isEmpty(cell(0, "entropy_bits")), "fp32 weights are not codes");
        assertEquals(1.0, cell(0, "cr_weights"));
        assertEquals(1.0, cell(0, "cr_model"));
        assertNull(cell(0, "note"), "no snapped accuracy is expected of fp32");
        assertEquals(1, cell(0, "n"));
        assertEquals(0.96, cell(0, "final_soft"));
        assertTrue(Cells.isEmpty(cell(0, "final_snapped")));
        assertEquals(0.97, cell(0, "best_soft"));
        assertEquals(2, cell(0, "best_epoch"));
        assertEquals(30.0, cell(0, "wall_s"));
    }

    @Test
    void bestSnappedIsTheBestAQuantizedNetworkReallyReached() throws IOException {
        assertTrue(Cells.isEmpty(cell(0, "best_snapped")), "fp32 has no snapped accuracy");
        assertEquals(0.86, ((Estimate) cell(1, "best_snapped")).mean(), 1e-12);
        // snapped peaks at epoch 1 (0.9) while soft peaks at epoch 2
        Path early = RunDirs.write(tmp.resolve("early"), RunConfig.defaults(), RunDirs.HEADER
                + "1,100,0.5,0.8,0.91,0.9,0.88,0.001,1000,10.0,10.0\n"
                + "2,200,0.3,0.9,0.95,0.86,0.89,0.001,1000,10.0,20.5\n");
        Table t = ComparisonTable.of(RunTable.read(List.of(early)));
        assertEquals(0.9, t.column("best_snapped").get(0));
        assertEquals(0.95, t.column("best_soft").get(0));
        assertEquals(2, t.column("best_epoch").get(0), "best_epoch is the best soft accuracy's");
    }

    @Test
    void seedsOfOneConfigShareARowWithMeanAndSampleStd() {
        assertEquals(2, table.rows().size());
        assertEquals("s1, s2, s3", cell(1, "run"));
        assertEquals(3, cell(1, "n"));
        Estimate soft = (Estimate) cell(1, "final_soft");
        assertEquals(0.93, soft.mean(), 1e-12);
        // deviations -0.02, -0.01, +0.03: sum of squares 0.0014 over n - 1 = 2
        assertEquals(Math.sqrt(0.0007), soft.std(), 1e-12);
        assertEquals(3, soft.n());
        Estimate snapped = (Estimate) cell(1, "final_snapped_bn");
        assertEquals(0.89, snapped.mean(), 1e-12);
        assertEquals(0.0, snapped.std(), 1e-12);
        assertNull(cell(1, "best_epoch"), "seeds peak at different epochs");
        assertEquals(20.5, ((Estimate) cell(1, "wall_s")).mean(), 1e-12);
    }

    @Test
    void aDifferentSettingIsADifferentRow() throws IOException {
        Path other = RunDirs.write(tmp.resolve("lr"), RunConfig.defaults().toBuilder().seed(1).lr(0.01).build(),
                RunDirs.HEADER + "1,100,0.5,0.8,0.9,0.85,0.88,0.01,1000,10.0,10.0\n");
        Table t = ComparisonTable.of(RunTable.read(List.of(RunDirs.ring(tmp, "s1", 1, 0.91), other)));
        assertEquals(2, t.rows().size());
        assertEquals(List.of(1, 1), t.column("n"));
    }

    @Test
    void markdownHasAHeaderSeparatorAndPlusMinus() throws IOException {
        StringWriter out = new StringWriter();
        TableFormat.MARKDOWN.write(table, out);
        List<String> lines = out.toString().lines().toList();
        assertEquals(4, lines.size(), out.toString());
        assertTrue(lines.get(0).startsWith("| run | method | model |"), lines.get(0));
        assertTrue(lines.get(1).matches("\\|( ---:? \\|)+"), lines.get(1));
        assertTrue(lines.get(1).startsWith("| --- | --- | --- | ---: |"), lines.get(1));
        assertTrue(lines.get(3).contains("| 0.93 ± 0.0264575 |"), lines.get(3));
        assertFalse(out.toString().contains("NaN"));
    }

    @Test
    void latexIsBooktabsWithEscapesAndMathPlusMinus() throws IOException {
        StringWriter out = new StringWriter();
        TableFormat.LATEX.write(table, out);
        String tex = out.toString();
        assertTrue(tex.startsWith("\\begin{tabular}{lllrrrrrrrrrrrrrrrrl}\n\\toprule\n"), tex);
        assertTrue(tex.contains("\\midrule\n"), tex);
        assertTrue(tex.endsWith("\\bottomrule\n\\end{tabular}\n"), tex);
        assertTrue(tex.contains("nominal\\_bits"), tex);
        assertTrue(tex.contains("0.93 $\\pm$ 0.0264575"), tex);
        assertFalse(tex.contains("±"));
        assertFalse(tex.contains("NaN"));
    }

    @Test
    void latexEscapesEverySpecialCharacter() {
        assertEquals("50\\% of a\\_b \\& \\$x\\$ \\#1 \\{y\\} \\textasciitilde{}\\textasciicircum{}\\textbackslash{}",
                LatexTableWriter.escape("50% of a_b & $x$ #1 {y} ~^\\"));
    }

    @Test
    void markdownEscapesPipes() throws IOException {
        StringWriter out = new StringWriter();
        TableFormat.MARKDOWN.write(new Table(List.of("a|b"), List.of(List.of("x|y"))), out);
        assertEquals("| a\\|b |\n| --- |\n| x\\|y |\n", out.toString());
    }

    @Test
    void jsonWritesAnEstimateAsMeanStdN() throws IOException {
        StringWriter out = new StringWriter();
        TableFormat.JSON.write(table, out);
        var rows = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals(0.93, rows.get(1).get("final_soft").get("mean").asDouble(), 1e-12);
        assertEquals(3, rows.get(1).get("final_soft").get("n").asInt());
        assertTrue(rows.get(0).get("final_snapped").isNull());
        assertTrue(rows.get(0).get("levels").isNull());
    }
}
