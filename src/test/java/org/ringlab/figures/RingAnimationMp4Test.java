package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.Codec;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ring animation as an H.264 MP4: read back with jcodec's demuxer and decoder, frame by frame. */
class RingAnimationMp4Test {
    @TempDir
    Path tmp;

    @Test
    void writesAnH264TrackOf1920By1080WithOneFramePerSnapshot() throws IOException, JCodecException {
        RunData run = RunData.read(TinyRuns.write(tmp.resolve("run"), 42, 90, 95));
        Path mp4 = tmp.resolve("out/ring.mp4");

        int frames = RingAnimation.writeMp4(run, "fc1", 250, mp4);

        assertEquals(run.snapshots().size(), frames);
        byte[] head = Files.readAllBytes(mp4);
        String text = new String(head, StandardCharsets.ISO_8859_1);
        assertEquals("ftyp", text.substring(4, 8), "an MP4 starts with its ftyp box");
        assertTrue(text.contains("avc1"), "the sample entry of an H.264 track");
        try (SeekableByteChannel in = NIOUtils.readableChannel(mp4.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(in);
            assertEquals(1, demuxer.getVideoTracks().size());
            DemuxerTrack track = demuxer.getVideoTracks().get(0);
            DemuxerTrackMeta meta = track.getMeta();
            assertEquals(Codec.H264, meta.getCodec());
            assertEquals(1920, meta.getVideoCodecMeta().getSize().getWidth());
            assertEquals(1080, meta.getVideoCodecMeta().getSize().getHeight());
            assertEquals(frames, meta.getTotalFrames());
            assertEquals(frames * 0.25, meta.getTotalDuration(), 1e-6, "250 ms a frame");
        }
        // the decoded frames are the rendered ring figures (lossy: close, not equal), each its own snapshot
        BufferedImage first = AWTUtil.toBufferedImage(FrameGrab.getFrameFromFile(mp4.toFile(), 0));
        BufferedImage last = AWTUtil.toBufferedImage(FrameGrab.getFrameFromFile(mp4.toFile(), frames - 1));
        BufferedImage drawnFirst = render(run, 0);
        BufferedImage drawnLast = render(run, frames - 1);
        double same = meanDifference(first, drawnFirst);
        double crossed = meanDifference(first, drawnLast);
        assertTrue(same < 3, "frame 0 differs from its figure by " + same + " grey levels on average");
        assertTrue(crossed > same * 1.5, "frame 0 is as close to the last figure (" + crossed + ") as to its own ("
                + same + ")");
        assertTrue(meanDifference(last, drawnLast) < 3);
    }

    @Test
    void badParametersLeaveNoFile() throws IOException {
        RunData run = RunData.read(TinyRuns.write(tmp.resolve("run"), 42, 90));
        Path mp4 = tmp.resolve("bad.mp4");
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class,
                () -> RingAnimation.writeMp4(run, "nope", 200, mp4));
        assertTrue(layer.getMessage().contains("nope"), layer.getMessage());
        IllegalArgumentException millis = assertThrows(IllegalArgumentException.class,
                () -> RingAnimation.writeMp4(run, null, 5, mp4));
        assertTrue(millis.getMessage().contains("5 ms"), millis.getMessage());
        assertFalse(Files.exists(mp4));
    }

    private static BufferedImage render(RunData run, int snapshot) {
        LayerSelection frame = LayerSelection.of(run, "fc1", run.snapshots().get(snapshot).step());
        return FigureWriter.render(new RingFigure(frame, null), RingAnimation.VIDEO_SIZE);
    }

    /** Mean absolute difference of the grey levels, 0..255. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        long sum = 0;
        int n = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
                n++;
            }
        }
        return (double) sum / n;
    }

    private static int grey(int rgb) {
        return (((rgb >> 16) & 0xff) * 3 + ((rgb >> 8) & 0xff) * 6 + (rgb & 0xff)) / 10;
    }
}
