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

/**
 * The ring view of one layer over every snapshot of a run, for slides: an animated GIF (small, loops
 * in any slide program) or an MP4 video (H.264, 1920×1080, for projectors and video players).
 */
public final class RingAnimation {
    private static final String GIF_FORMAT = "javax_imageio_gif_image_1.0";
    /** 1920×1080 pixels: 6.4 × 3.6 in at 300 dpi, so the labels have the size of a 6.4-inch figure's. */
    public static final FigureSize VIDEO_SIZE = new FigureSize(6.4, 3.6, 300);

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

    /**
     * Writes one frame per snapshot as an H.264 MP4 of {@link #VIDEO_SIZE}, each frame showing for
     * {@code frameMillis}; returns the number of frames. A failure part-way leaves no file behind.
     *
     * @throws IllegalArgumentException for a run without ring snapshots, an unknown layer, or a frame
     *     time outside 20..10000 ms
     */
    public static int writeMp4(RunData run, String layer, int frameMillis, Path file) throws IOException {
        List<PositionSnapshot> snapshots = run.snapshots();
        LayerSelection.of(run, layer, null);
        try (Mp4Writer video = new Mp4Writer(file, frameMillis)) {
            for (PositionSnapshot snapshot : snapshots) {
                LayerSelection frame = LayerSelection.of(run, layer, snapshot.step());
                video.add(FigureWriter.render(new RingFigure(frame, null), VIDEO_SIZE));
            }
            video.finish();
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
