package org.ringlab.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.SVGUtils;
import org.jfree.svg.ViewBox;

/** Writes a figure as SVG or PDF (vector: lines and text stay lines and text) or as PNG at a given DPI. */
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
        figure.draw(g2, area);
        // the view box makes one drawing unit one point, the unit the figure was laid out in
        String svg = g2.getSVGElement(null, true, new ViewBox(0, 0, area.getWidth(), area.getHeight()), null, null);
        SVGUtils.writeToSVG(file.toFile(), svg);
    }

    private static void writePdf(Figure figure, Rectangle2D area, Path file) {
        PDFDocument pdf = new PDFDocument();
        Page page = pdf.createPage(area);
        PDFGraphics2D g2 = page.getGraphics2D();
        figure.draw(g2, area);
        pdf.writeToFile(file.toFile());
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
