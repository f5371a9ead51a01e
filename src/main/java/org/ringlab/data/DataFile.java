package org.ringlab.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A data file opened for sequential reading, gzip-compressed or raw (recognised by content, not
 * by name). Errors that only show up while decompressing (truncated or corrupt gzip data) become
 * {@link DataFormatException}s naming the file and how far reading got; other I/O errors
 * (permissions, disk failures) pass through unchanged.
 */
final class DataFile implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final Path path;
    private final InputStream in;
    private final boolean gzip;
    /** Bytes of (decompressed) content consumed so far. */
    private long position;

    private DataFile(Path path, InputStream in, boolean gzip) {
        this.path = path;
        this.in = in;
        this.gzip = gzip;
    }

    static DataFile open(Path path) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER_SIZE);
        try {
            boolean gzip = startsWithGzipMagic(raw);
            if (!gzip) {
                return new DataFile(path, raw, false);
            }
            try {
                return new DataFile(path, new GZIPInputStream(raw, BUFFER_SIZE), true);
            } catch (EOFException e) {
                throw DataFormatException.inFile(path, "truncated gzip stream: the file ends inside the gzip header");
            } catch (ZipException e) {
                throw DataFormatException.inFile(path, "corrupt gzip header: " + e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    Path path() {
        return path;
    }

    boolean isGzip() {
        return gzip;
    }

    /** @return bytes of content read so far */
    long position() {
        return position;
    }

    /**
     * Reads up to {@code length} bytes, stopping early only at the end of the content.
     *
     * @return the number of bytes read
     */
    int read(byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        try {
            while (total < length) {
                int n = in.read(buffer, offset + total, length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
        } catch (EOFException e) {
            throw new DataFormatException(path.getFileName() + ": truncated gzip stream: the compressed data ends after "
                    + (position + total) + " decompressed bytes", e);
        } catch (ZipException e) {
            throw new DataFormatException(path.getFileName() + ": corrupt gzip data after " + (position + total)
                    + " decompressed bytes: " + e.getMessage(), e);
        }
        position += total;
        return total;
    }

    /**
     * Reads to the end of the content, which also makes the gzip stream check its trailer
     * (checksum and length).
     *
     * @return how many bytes were left
     */
    long skipToEnd() throws IOException {
        byte[] scratch = new byte[BUFFER_SIZE];
        long skipped = 0;
        for (int n; (n = read(scratch, 0, scratch.length)) > 0; ) {
            skipped += n;
        }
        return skipped;
    }

    DataFormatException error(String problem) {
        return DataFormatException.inFile(path, problem);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
