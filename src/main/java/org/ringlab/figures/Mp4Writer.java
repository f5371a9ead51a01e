package org.ringlab.figures;

import java.awt.image.BufferedImage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * Frames to an MP4 file with one H.264 video track, through jcodec (pure Java, BSD licence): players,
 * slide software and video sites all take H.264 in MP4. Every frame must have the size of the first.
 */
final class Mp4Writer implements Closeable {
    /** Longest time one frame may stay on screen: beyond it a typo is likelier than a wish. */
    static final int MAX_FRAME_MILLIS = 10_000;
    /** Shortest: 50 frames a second. */
    static final int MIN_FRAME_MILLIS = 20;

    private final Path file;
    private final SeekableByteChannel channel;
    private final AWTSequenceEncoder encoder;
    private int width;
    private int height;
    private boolean finished;

    /**
     * @param frameMillis how long each frame shows: the video runs at 1000 / frameMillis frames a second
     * @throws IllegalArgumentException when frameMillis is outside 20..10000
     */
    Mp4Writer(Path file, int frameMillis) throws IOException {
        if (frameMillis < MIN_FRAME_MILLIS || frameMillis > MAX_FRAME_MILLIS) {
            throw new IllegalArgumentException("frame time " + frameMillis + " ms is outside " + MIN_FRAME_MILLIS
                    + ".." + MAX_FRAME_MILLIS);
        }
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        channel = NIOUtils.writableChannel(file.toFile());
        try {
            encoder = new AWTSequenceEncoder(channel, Rational.R(1000, frameMillis));
        } catch (IOException | RuntimeException e) {
            NIOUtils.closeQuietly(channel);
            throw e;
        }
    }

    /** Encodes one frame; H.264 in 4:2:0 needs even sides. */
    void add(BufferedImage frame) throws IOException {
        if (width == 0) {
            if (frame.getWidth() % 2 != 0 || frame.getHeight() % 2 != 0) {
                throw new IllegalArgumentException("an H.264 frame needs even sides, not " + frame.getWidth() + "×"
                        + frame.getHeight());
            }
            width = frame.getWidth();
            height = frame.getHeight();
        } else if (frame.getWidth() != width || frame.getHeight() != height) {
            throw new IllegalArgumentException("frame of " + frame.getWidth() + "×" + frame.getHeight()
                    + " in a video of " + width + "×" + height);
        }
        encoder.encodeImage(frame);
    }

    /** Writes the index (moov box) that makes the file playable. */
    void finish() throws IOException {
        finished = true;
        try {
            encoder.finish();
        } finally {
            channel.close();
        }
    }

    /** Without {@link #finish()} (an error part-way) the half-written file is removed: it would not play. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            NIOUtils.closeQuietly(channel);
            Files.deleteIfExists(file);
        }
    }
}
