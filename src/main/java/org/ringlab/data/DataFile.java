package org.ringlab.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.ringlab.io.RegularFile;

/**
 * A data file opened for sequential reading, gzip-compressed or raw (recognised by content, not
 * by name). Only regular files are opened: a named pipe would block and a device never end.
 * Errors that only show up while decompressing (truncated or corrupt gzip data, bytes after the
 * gzip data) become {@link DataFormatException}s naming the file and how far reading got; other
 * I/O errors (permissions, disk failures) pass through unchanged.
 */
final class DataFile implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;

    private final Path path;
    private final InputStream in;
    private final boolean gzip;
    private final long fileSize;
    /** Bytes of (decompressed) content consumed so far. */
    private long position;

    private DataFile(Path path, InputStream in, boolean gzip, long fileSize) {
        this.path = path;
        this.in = in;
        this.gzip = gzip;
        this.fileSize = fileSize;
    }

    static DataFile open(Path path) throws IOException {
        String problem = RegularFile.problem(path);
        if (problem != null) {
            throw DataFormatException.inFile(path, problem);
        }
        long fileSize = Files.size(path);
        InputStream raw = new BufferedInputStream(new FileErrors(Files.newInputStream(path)), BUFFER_SIZE);
        try {
            boolean gzip = startsWithGzipMagic(raw);
            if (!gzip) {
                return new DataFile(path, raw, false, fileSize);
            }
            try {
                // commons-compress, unlike java.util.zip, refuses bytes after the last gzip member
                return new DataFile(path, new GzipCompressorInputStream(raw, true), true, fileSize);
            } catch (FileErrors.Failure e) {
                throw e.getCause();
            } catch (EOFException e) {
                throw DataFormatException.inFile(path, "truncated gzip stream: the file ends inside the gzip header");
            } catch (IOException e) {
                throw DataFormatException.inFile(path, "corrupt gzip header: " + e.getMessage());
            }
        } catch (FileErrors.Failure e) {
            raw.close();
            throw e.getCause();
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

    /** @return the file's size on disk (compressed, for a gzip file) when it was opened */
    long fileSize() {
        return fileSize;
    }

    /** The most content the file can hold: its size, or for gzip the most deflate can expand it to. */
    long maxContentBytes() {
        return gzip ? fileSize * DataLimits.MAX_DEFLATE_RATIO : fileSize;
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
        } catch (FileErrors.Failure e) {
            throw e.getCause();
        } catch (EOFException e) {
            throw new DataFormatException(path.getFileName() + ": truncated gzip stream: the compressed data ends after "
                    + (position + total) + " decompressed bytes", e);
        } catch (IOException e) {
            if (!gzip) {
                throw e;
            }
            String detail = String.valueOf(e.getMessage());
            if (detail.startsWith("Garbage after")) {
                // the decoder reads ahead, so how much content came before is not known here
                throw new DataFormatException(path.getFileName() + ": unexpected bytes after the end of the gzip data;"
                        + " the file is damaged or has something appended", e);
            }
            throw new DataFormatException(path.getFileName() + ": corrupt gzip data after " + (position + total)
                    + " decompressed bytes: " + detail, e);
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

    /**
     * Marks the file's own I/O errors, so that they pass through unchanged while everything the
     * gzip decoder itself throws is a problem with the data.
     */
    private static final class FileErrors extends FilterInputStream {
        FileErrors(InputStream in) {
            super(in);
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        @Override
        public long skip(long n) {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw new Failure(e);
            }
        }

        static final class Failure extends UncheckedIOException {
            private static final long serialVersionUID = 1L;

            Failure(IOException cause) {
                super(cause);
            }
        }
    }
}
