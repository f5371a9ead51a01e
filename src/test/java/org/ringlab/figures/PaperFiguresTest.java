package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a venue asks of a figure: embedded fonts, named runs, rounded tables, readable ticks, every method drawn. */
class PaperFiguresTest {
    private static final Pattern SVG_TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    @TempDir
    Path tmp;

    private List<RunData> runs() throws IOException {
        return List.of(RunData.read(TinyRuns.write(tmp.resolve("s1"), 1, 90, 95, 96)),
                RunData.read(TinyRuns.write(tmp.resolve("s2"), 2, 92, 96, 97)),
                RunData.read(TinyRuns.writeLatent(tmp.resolve("lsq"), "LSQ tuned", 91, 95, 97)));
    }

    @Test
    void pdfEmbedsEveryFontItUses() throws IOException, InterruptedException {
        List<RunData> runs = runs();
        for (FigureFont font : FigureFont.values()) {
            Path file = tmp.resolve("acc-" + font.id() + ".pdf");
            // a title (bold) and axis labels (regular): two fonts, both must be embedded
            FigureWriter.write(MetricChart.of(SeedGroup.of(runs), Metric.accuracies(), "accuracy (%)", Band.STD,
                    "LeNet", new PaperStyle(font), StepCurve.SCREEN), FigureFormat.PDF,
                    FigureSize.of(3.5, null, 300), file);
            List<String> fonts = new ArrayList<>();
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                collectEmbedded(doc.getPage(0).getResources(), fonts, new HashSet<>());
            }
            assertEquals(2, fonts.size(), "regular and bold: " + fonts);
            String face = font == FigureFont.SERIF ? "LiberationSerif" : "LiberationSans";
            assertTrue(fonts.stream().allMatch(f -> f.contains(face)), fonts.toString());
            // the same through the PDF's raw dictionaries, as a preflight tool would look
            String raw = PdfStreams.inflated(Files.readString(file, StandardCharsets.ISO_8859_1));
            assertTrue(raw.contains("/FontFile2") || raw.contains("/FontFile3"), "no embedded font program");
            assertFalse(raw.contains("/Helvetica"), "a standard font that is not embedded");
            pdffontsSaysEmbedded(file, 2);
        }
    }

    /** Every font in the resources (and in nested forms) must carry its font program; collects their names. */
    private static void collectEmbedded(PDResources resources, List<String> names, Set<Object> seen)
            throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            PDFontDescriptor descriptor = font instanceof PDType0Font t0 ? t0.getDescendantFont().getFontDescriptor()
                    : font.getFontDescriptor();
            assertTrue(descriptor != null && (descriptor.getFontFile2() != null || descriptor.getFontFile3() != null),
                    font.getName() + " is not embedded");
            names.add(font.getName());
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collectEmbedded(form.getResources(), names, seen);
            }
        }
    }

    private static void pdffontsSaysEmbedded(Path pdf, int fonts) throws IOException, InterruptedException {
        Assumptions.assumeTrue(FigureWriterTest.onPath("pdffonts"), "pdffonts (poppler-utils) is not installed");
        Process p = new ProcessBuilder("pdffonts", pdf.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdffonts timed out");
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.exitValue(), String.join("\n", lines));
        // a header line and a rule, then: name type encoding emb sub uni object ID
        List<String> rows = lines.subList(2, lines.size());
        assertEquals(fonts, rows.size(), String.join("\n", lines));
        for (String row : rows) {
            assertTrue(row.matches(".*TrueType.*\\syes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*"),
                    "pdffonts says not embedded (emb sub uni): " + row);
        }
    }

    @Test
    void legendNamesRunsByNameAndSeedGroupsOnce() throws IOException {
        Path file = tmp.resolve("acc.svg");
        FigureWriter.write(MetricChart.of(SeedGroup.of(runs()), Metric.accuracies(), "accuracy (%)", Band.STD, null),
                FigureFormat.SVG, FigureSize.of(3.5, null, 300), file);
        List<String> texts = texts(file);
        // the two unnamed seeds as one entry by method and bits, the named run by its name
        assertEquals(1, texts.stream().filter("Ring-8 (2 bit), 2 seeds"::equals).count(), texts.toString());
        assertEquals(1, texts.stream().filter("LSQ tuned"::equals).count(), texts.toString());
        // each metric once (its dash and marker), not once per run
        assertEquals(1, texts.stream().filter("test snapped"::equals).count(), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("s1") || t.contains("s2") || t.contains(tmp.toString())),
                "a folder as a label: " + texts);
        FigureWriterTest.rendersWith(file, "rsvg-convert", "-o", tmp.resolve("acc.png").toString(), file.toString());
        FigureWriterTest.assertNonTrivialPng(tmp.resolve("acc.png"));
    }

    @Test
    void tableFigureHasChosenColumnsHumanHeadersAndRoundedNumbers() throws IOException {
        List<RunData> runs = runs();
        TableFigure table = TableFigure.of(runs, TableColumn.parse("run,bits,compression,soft,snapped,snapped-bn"),
                null, PaperStyle.DEFAULT);
        assertEquals(List.of("Run", "Bits", "Compression (×)", "Soft acc. (%)", "Snapped acc. (%)",
                "Snapped+BN acc. (%)"), table.headers().subList(0, 6));
        List<String> lsq = table.cells().get(1);
        assertEquals("LSQ tuned", lsq.get(0));
        // 97 − 0.4123456 in metrics.csv, two decimals in the figure
        assertEquals("96.59", lsq.get(4));
        for (List<String> row : table.cells()) {
            for (int c = 3; c <= 5; c++) {
                assertTrue(row.get(c).matches("\\d+\\.\\d{2}( ± \\d+\\.\\d{2})?|–"), "unrounded: " + row.get(c));
            }
            assertTrue(row.get(2).matches("\\d+\\.\\d|–"), "compression with one decimal: " + row.get(2));
        }
        Path file = tmp.resolve("table.svg");
        FigureWriter.write(table, FigureFormat.SVG, FigureSize.of(7, table.heightInches(), 300), file);
        String svg = Files.readString(file);
        assertTrue(svg.contains("96.59") && !svg.contains("96.5876"), "rounded in the drawing too");
        assertFalse(svg.contains("final_snapped"), "a snake_case header");
        assertThrows(IllegalArgumentException.class, () -> TableColumn.parse("run,soft"), "soft without snapped");
        assertThrows(IllegalArgumentException.class, () -> TableColumn.parse("run,accuracy"));
    }

    @Test
    void flatSeriesGetsRoundTicks() throws IOException {
        // a constant learning rate with float noise, as metrics.csv holds it
        NiceTicks ticks = NiceTicks.of(9.99995e-4, 1.000004e-3, 5, false);
        List<String> labels = ticks.values().stream().map(ticks::label).toList();
        assertEquals(List.of("0.0009", "0.0010", "0.0011"), labels);
        assertTrue(ticks.lower() < 9.99995e-4 && ticks.upper() > 1.000004e-3, "the line inside the axis");
        // far from 1, one power of ten for the whole axis, beside its title
        NiceTicks tiny = NiceTicks.of(1.2e-6, 4.9e-6, 5, false);
        assertEquals(-6, tiny.exponent());
        assertEquals(" (×1e-6)", tiny.axisSuffix());
        assertEquals(List.of("1", "2", "3", "4", "5"), tiny.values().stream().map(tiny::label).toList());
        NiceTicks large = NiceTicks.of(150_061, 480_000, 5, false);
        assertEquals(3, large.exponent());
        assertTrue(large.values().stream().map(large::label).allMatch(l -> l.matches("\\d+")), "whole thousands");
        // ordinary ranges stay plain
        NiceTicks accuracy = NiceTicks.of(91.3, 98.7, 5, false);
        assertEquals(0, accuracy.exponent());
        assertEquals(List.of("90", "92", "94", "96", "98", "100"),
                accuracy.values().stream().map(accuracy::label).toList());
        NiceTicks zero = NiceTicks.of(0, 0, 5, false);
        assertTrue(zero.lower() < 0 && zero.upper() > 0);

        Path file = tmp.resolve("lr.svg");
        FigureWriter.write(MetricChart.of(SeedGroup.of(runs().subList(0, 1)), List.of(Metric.LR), "learning rate",
                Band.STD, null), FigureFormat.SVG, FigureSize.of(3.5, null, 300), file);
        List<String> texts = texts(file);
        assertTrue(texts.stream().noneMatch(t -> t.matches(".*\\dE-?\\d.*")), "scientific tick labels: " + texts);
        assertTrue(texts.containsAll(List.of("0.0009", "0.0010", "0.0011")), texts.toString());
    }

    @Test
    void perStepCurvesAreSmoothedAsOnScreen() throws IOException {
        List<RunData> one = runs().subList(0, 1);
        List<StepStatistics.Point> smooth = StepStatistics.of(one, Metric.TRAIN_LOSS, StepCurve.SCREEN);
        List<StepStatistics.Point> raw = StepStatistics.of(one, Metric.TRAIN_LOSS, StepCurve.RAW);
        assertEquals(3 * TinyRuns.STEPS_PER_EPOCH, smooth.size());
        Ema ema = new Ema(StepCurve.SCREEN.smoothing());
        for (int i = 0; i < raw.size(); i++) {
            assertEquals(one.get(0).steps().get(i).loss(), raw.get(i).stats().mean(), 1e-12);
            assertEquals(ema.next(raw.get(i).stats().mean()), smooth.get(i).stats().mean(), 1e-12);
        }
        assertNotEquals(raw.get(10).stats().mean(), smooth.get(10).stats().mean());
        // a learning-rate schedule keeps its steps: never smoothed
        RunData stepped = new RunData(Path.of("lr"), "lr", one.get(0).config(), one.get(0).epochs(), List.of(),
                List.of(new org.ringlab.train.StepMetrics(1, 1, 1, 2, 1, 50, 0.1),
                        new org.ringlab.train.StepMetrics(2, 1, 2, 2, 1, 50, 0.01)));
        assertEquals(0.01, StepStatistics.of(List.of(stepped), Metric.LR, StepCurve.SCREEN).get(1).stats().mean(),
                1e-15);
        // epoch e's last step sits at x = e, where the epoch's test point is drawn
        assertEquals(1.0, smooth.get(TinyRuns.STEPS_PER_EPOCH - 1).x(), 1e-12);
        Path file = tmp.resolve("loss.png");
        FigureWriter.write(MetricChart.of(SeedGroup.of(one), List.of(Metric.TRAIN_LOSS), "train loss", Band.STD,
                null), FigureFormat.PNG, FigureSize.of(3.5, null, 150), file);
        FigureWriterTest.assertNonTrivialPng(file);
    }

    @Test
    void latentHistogramForANonRingMethod() throws IOException {
        RunData lsq = runs().get(2);
        Path file = tmp.resolve("latent.svg");
        FigureWriter.write(LatentHistogramFigure.of(lsq, null, null, null, PaperStyle.DEFAULT), FigureFormat.SVG,
                FigureSize.of(3.5, null, 300), file);
        List<String> texts = texts(file);
        assertTrue(texts.contains("v/s"), "the latent coordinate as the axis title: " + texts);
        assertTrue(texts.containsAll(List.of("\u22122", "\u22121", "0", "1")), "the grid's lines labelled: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("4 codes") && t.contains("H 1.71 bit")), texts.toString());
        FigureWriterTest.rendersWith(file, "rsvg-convert", "-o", tmp.resolve("latent.png").toString(),
                file.toString());
        FigureWriterTest.assertNonTrivialPng(tmp.resolve("latent.png"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LatentHistogramFigure.of(lsq, "fc9", null, null, PaperStyle.DEFAULT));
        assertTrue(e.getMessage().contains("conv1"), e.getMessage());
    }

    @Test
    void aTwelveRunLegendLeavesThePlotMostOfTheFigure() {
        List<RunData> runs = new ArrayList<>();
        for (int n = 4; n < 16; n++) {
            org.ringlab.config.RunConfig config = org.ringlab.config.RunConfig.builder().ringSize(n).build();
            List<org.ringlab.train.EpochMetrics> epochs = new ArrayList<>();
            for (int e = 1; e <= 3; e++) {
                epochs.add(new org.ringlab.train.EpochMetrics(e, 10 * e, 1.0 / e, 80 + e, 90 + e, 85 + e + n / 10.0,
                        88 + e, 0.001, 1000, 1, e));
            }
            runs.add(new RunData(Path.of("r" + n), RunLabel.of(config), config, epochs, List.of()));
        }
        org.jfree.chart.JFreeChart chart = MetricChart.chart(SeedGroup.of(runs), Metric.accuracies(), "accuracy (%)",
                Band.STD, null, PaperStyle.DEFAULT, StepCurve.SCREEN);
        FigureSize size = FigureSize.of(VenueSize.IEEE_SINGLE.widthInches(), null, 150);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(size.widthPixels(), size.heightPixels(),
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g2 = image.createGraphics();
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        try {
            chart.draw(g2, new java.awt.geom.Rectangle2D.Double(0, 0, size.widthPoints(), size.heightPoints()), info);
        } finally {
            g2.dispose();
        }
        // 12 runs and 4 metrics: 16 legend entries, one each, below the plot
        assertEquals(16, chart.getPlot().getLegendItems().getItemCount());
        double plotShare = info.getPlotInfo().getDataArea().getHeight() / size.heightPoints();
        assertTrue(plotShare > 0.5, "the legend takes more than half: the plot has " + plotShare);
    }

    private static List<String> texts(Path svg) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = SVG_TEXT.matcher(Files.readString(svg));
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").strip());
        }
        return out;
    }
}
