package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FigureWriterTest {
    @TempDir
    Path tmp;

    private Figure accuracy;
    private final FigureSize column = FigureSize.of(FigureSize.SINGLE_COLUMN, null, 300);

    @BeforeEach
    void chart() throws IOException {
        List<RunData> runs = List.of(RunData.read(TinyRuns.write(tmp.resolve("s1"), 1, 90, 95, 96)),
                RunData.read(TinyRuns.write(tmp.resolve("s2"), 2, 92, 96, 97)));
        accuracy = MetricChart.of(SeedGroup.of(runs), Metric.accuracies(), "accuracy (%)", Band.STD, "LeNet");
    }

    @Test
    void svgIsVectorWithTextAxisLabels() throws IOException {
        Path file = tmp.resolve("acc.svg");
        FigureWriter.write(accuracy, FigureFormat.SVG, column, file);
        String svg = Files.readString(file);
        assertTrue(svg.contains("<path") || svg.contains("<line"), "no vector lines");
        assertTrue(svg.contains("<text") && svg.contains("accuracy (%)") && svg.contains(">epoch<"), "axis labels");
        assertFalse(svg.contains("<image"), "a bitmap in the SVG");
        assertTrue(svg.contains("width='252.0pt'"), "3.5 in = 252 pt");
        rendersWith(file, "rsvg-convert", "-o", tmp.resolve("svg.png").toString(), file.toString());
        assertNonTrivialPng(tmp.resolve("svg.png"));
    }

    @Test
    void pdfIsVectorWithText() throws IOException {
        Path file = tmp.resolve("acc.pdf");
        FigureWriter.write(accuracy, FigureFormat.PDF, column, file);
        byte[] bytes = Files.readAllBytes(file);
        String pdf = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF"));
        pdf = PdfStreams.inflated(pdf);
        assertTrue(pdf.contains("Tj") || pdf.contains("TJ"), "no text operators");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            // the rotated y-axis title comes out a few letters a line
            assertTrue(text.replaceAll("\\s", "").contains("accuracy(%)") && text.contains("epoch"), text);
        }
        assertFalse(pdf.matches("(?s).*/Subtype\\s*/Image.*"), "an image XObject in the PDF");
        rendersWith(file, "pdftoppm", "-png", "-r", "100", "-singlefile", file.toString(),
                tmp.resolve("pdf").toString());
        assertNonTrivialPng(tmp.resolve("pdf.png"));
    }

    @Test
    void pngHasInchesTimesDpiPixels() throws IOException {
        Path file = tmp.resolve("acc.png");
        FigureWriter.write(accuracy, FigureFormat.PNG, column, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1050, image.getWidth());
        assertEquals(788, image.getHeight());
        assertNonTrivialPng(file);
    }

    /** Runs an external renderer, skipping the test where it is not installed. */
    static void rendersWith(Path input, String tool, String... args) throws IOException {
        Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        List<String> command = new java.util.ArrayList<>(List.of(tool));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), tool + " timed out on " + input);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), tool + ": " + output);
    }

    static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator, -1)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Drawn, not blank: many pixels that are neither white nor one flat colour. */
    static void assertNonTrivialPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null && image.getWidth() > 100 && image.getHeight() > 100, file + " is not a sizeable PNG");
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        assertTrue(colours.size() > 8, file + " has " + colours.size() + " colours");
        assertTrue(inked > 500, file + " has only " + inked + " inked samples");
    }
}
