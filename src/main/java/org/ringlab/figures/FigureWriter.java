package org.ringlab.figures;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/**
 * Writes a figure as SVG or PDF (vector: lines and text stay lines and text) or as PNG at a given DPI.
 * The PDF embeds the bundled fonts (subset TrueType, FontFile2), as venues require; the SVG names them
 * with Times/Helvetica-like fallbacks for viewers that lack them.
 */
public final class FigureWriter {

    private FigureWriter() {
    }

    public static void write(Figure figure, FigureFormat format, FigureSize size, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Rectangle2D area = new Rectangle2D.Double(0, 0, size.widthPoints(), size.heightPoints());
        switch (format) {
            case SVG -> writeSvg(figure, area, file);
            case PDF -> writePdf(figure, area, file);
            case PNG -> writePng(figure, size, file);
        }
    }

    private static void writeSvg(Figure figure, Rectangle2D area, Path file) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(area.getWidth(), area.getHeight(), SVGUnits.PT);
        g2.setFontFunction(FigureWriter::svgFamily);
        figure.draw(g2, area);
        // the view box makes one drawing unit one point, the unit the figure was laid out in
        String svg = g2.getSVGElement(null, true, new ViewBox(0, 0, area.getWidth(), area.getHeight()), null, null);
        SVGUtils.writeToSVG(file.toFile(), svg);
    }

    /** A CSS font-family list: the bundled face first, then metric-compatible ones. */
    static String svgFamily(String family) {
        if (family.startsWith("Liberation Serif")) {
            return "Liberation Serif, Times New Roman, Times, serif";
        }
        if (family.startsWith("Liberation Sans")) {
            return "Liberation Sans, Arial, Helvetica, sans-serif";
        }
        return family;
    }

    /**
     * The bundled fonts as files, by the name Java gives each cut: PDFBox reads a font from a file, and
     * handing it a stream makes it copy 1.5 MB to a temporary file for every PDF. Copied once, on first use.
     */
    private static final class FontFiles {
        static final java.util.Map<String, java.io.File> ALL = copy();

        private static java.util.Map<String, java.io.File> copy() {
            java.util.Map<String, java.io.File> files = new java.util.LinkedHashMap<>();
            try {
                Path dir = Files.createTempDirectory("ringlab-fonts");
                dir.toFile().deleteOnExit();
                for (FigureFont font : FigureFont.values()) {
                    for (String cut : FigureFont.CUTS) {
                        Path file = dir.resolve(font.id() + "-" + cut + ".ttf");
                        try (java.io.InputStream in = font.ttf(cut)) {
                            Files.copy(in, file);
                        }
                        file.toFile().deleteOnExit();
                        String name = (cut.equals("Bold") ? font.bold(1) : font.plain(1)).getFontName();
                        files.put(name, file.toFile());
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot copy the bundled fonts to a temporary folder", e);
            }
            return java.util.Collections.unmodifiableMap(files);
        }
    }

    private static void writePdf(Figure figure, Rectangle2D area, Path file) throws IOException {
        float width = (float) area.getWidth();
        float height = (float) area.getHeight();
        try (PDDocument pdf = new PDDocument(); PdfBoxGraphics2DFontTextDrawer fonts = new PdfBoxGraphics2DFontTextDrawer()) {
            // every bundled cut under the name Java gives it, so that text drawn in it stays text in
            // the PDF, subset-embedded; a font not registered would be drawn as outlines instead
            for (java.util.Map.Entry<String, java.io.File> font : FontFiles.ALL.entrySet()) {
                fonts.registerFont(font.getKey(), font.getValue());
            }
            PdfBoxGraphics2D g2 = new PdfBoxGraphics2D(pdf, width, height);
            g2.setFontTextDrawer(fonts);
            try {
                figure.draw(g2, area);
            } finally {
                g2.dispose();
            }
            PDFormXObject drawing = g2.getXFormObject();
            PDPage page = new PDPage(new PDRectangle(width, height));
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawForm(drawing);
            }
            pdf.save(file.toFile());
        }
    }

    private static void writePng(Figure figure, FigureSize size, Path file) throws IOException {
        BufferedImage image = render(figure, size);
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException(file + ": no PNG writer available");
        }
    }

    /** The figure as pixels at the size's DPI, on white. */
    static BufferedImage render(Figure figure, FigureSize size) {
        Rectangle2D area = new Rectangle2D.Double(0, 0, size.widthPoints(), size.heightPoints());
        BufferedImage image = new BufferedImage(size.widthPixels(), size.heightPixels(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, image.getWidth(), image.getHeight());
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            // laid out in points, drawn in pixels: text and lines keep their printed size at any DPI
            g2.scale(size.dpi() / 72.0, size.dpi() / 72.0);
            figure.draw(g2, area);
        } finally {
            g2.dispose();
        }
        return image;
    }
}
