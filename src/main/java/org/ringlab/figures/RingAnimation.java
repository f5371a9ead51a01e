package org.ringlab.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.ringlab.train.PositionSnapshot;

/** The ring view of one layer over every snapshot of a run, as an animated GIF for slides. */
public final class RingAnimation {
    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";

    private RingAnimation() {
    }

    /** Writes one frame per snapshot, {@code frameMillis} apart, looping forever. */
    public static int writeGif(RunData run, String layer, FigureSize size, int frameMillis, Path file)
            throws IOException {
        List<PositionSnapshot> snapshots = run.snapshots();
        LayerSelection.of(run, layer, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < snapshots.size(); i++) {
                LayerSelection frame = LayerSelection.of(run, layer, snapshots.get(i).step());
                BufferedImage image = FigureWriter.render(new RingFigure(frame, null), size);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                        null);
                frameMetadata(metadata, frameMillis, i == 0);
                writer.writeToSequence(new IIOImage(image, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return snapshots.size();
    }

    /** GIF delays are in hundredths of a second; the first frame also carries the loop extension. */
    private static void frameMetadata(IIOMetadata metadata, int frameMillis, boolean first) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(GIF_FORMAT);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, frameMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            child(root, "ApplicationExtensions").appendChild(app);
        }
        metadata.setFromTree(GIF_FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
