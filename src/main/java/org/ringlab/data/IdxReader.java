package org.ringlab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads IDX files of unsigned bytes: 1-D label files and 3-D image files, gzip or raw. Checks
 * the magic number, that every dimension is positive, that the header's claims fit {@link
 * DataLimits} and the file's size before anything is allocated, and that the content is exactly
 * as long as the header says.
 */
final class IdxReader {

    static final int LABELS_MAGIC = 0x00000801;
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_HEADER_BYTES = 8;
    static final int IMAGES_HEADER_BYTES = 16;

    /** The largest array most JVMs allocate. */
    static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** Gzip content is read into a buffer that starts this small and grows up to the announced
     * length, so a corrupt header announcing gigabytes fails on the short content rather than
     * with an OutOfMemoryError. */
    private static final int INITIAL_GZIP_BUFFER = 1 << 24;

    record ImagesHeader(int count, int rows, int columns) {
        int imageBytes() {
            return rows * columns;
        }
    }

    /** An images file's header and its pixels, image after image, row-major. */
    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
    record Images(ImagesHeader header, byte[] pixels) {
    }

    private IdxReader() {
    }

    /** Reads a whole labels file. */
    static byte[] readLabels(Path file) throws IOException {
        try (DataFile in = DataFile.open(file)) {
            byte[] header = readHeader(in, LABELS_HEADER_BYTES, "magic number and label count",
                    LABELS_MAGIC, "IDX unsigned-byte 1-D labels");
            int count = dimension(in, header, 4, "label count");
            checkClaim(in, count, 1, "labels");
            return readBody(in, count, 1, "labels");
        }
    }

    /** Reads and checks the header of an images file; for a raw file also checks its length. */
    static ImagesHeader readImagesHeader(Path file) throws IOException {
        try (DataFile in = DataFile.open(file)) {
            ImagesHeader header = imagesHeader(in);
            checkRawLength(in, header.count(), header.imageBytes(), "images");
            return header;
        }
    }

    /** Reads a whole images file. */
    static Images readImages(Path file) throws IOException {
        try (DataFile in = DataFile.open(file)) {
            ImagesHeader header = imagesHeader(in);
            return new Images(header, readBody(in, header.count(), header.imageBytes(), "images"));
        }
    }

    private static ImagesHeader imagesHeader(DataFile in) throws IOException {
        byte[] header = readHeader(in, IMAGES_HEADER_BYTES, "magic number, image count, rows and columns",
                IMAGES_MAGIC, "IDX unsigned-byte 3-D images");
        int count = dimension(in, header, 4, "image count");
        int rows = dimension(in, header, 8, "number of rows per image");
        int columns = dimension(in, header, 12, "number of columns per image");
        if (rows > DataLimits.MAX_IMAGE_SIDE || columns > DataLimits.MAX_IMAGE_SIDE) {
            throw in.error("images are " + rows + "x" + columns + " pixels; RingLab reads images of at most "
                    + DataLimits.MAX_IMAGE_SIDE + "x" + DataLimits.MAX_IMAGE_SIDE);
        }
        checkClaim(in, count, rows * columns, "images of " + rows + "x" + columns + " pixels");
        return new ImagesHeader(count, rows, columns);
    }

    /** Refuses a header announcing more than RingLab reads, or more than the file can hold. */
    private static void checkClaim(DataFile in, int count, int itemBytes, String items) throws DataFormatException {
        long claimed = (long) count * itemBytes;
        if (claimed > DataLimits.MAX_SPLIT_BYTES) {
            throw in.error("header says " + count + " " + items + ", " + DataLimits.bytes(claimed)
                    + ": more than the " + DataLimits.bytes(DataLimits.MAX_SPLIT_BYTES) + " RingLab reads from one file");
        }
        if (in.isGzip() && claimed > in.maxContentBytes()) {
            throw in.error("header says " + count + " " + items + ", " + DataLimits.bytes(claimed) + ", but "
                    + in.fileSize() + " bytes of gzip data expand to at most " + DataLimits.bytes(in.maxContentBytes())
                    + ": the header is wrong or the file is cut short");
        }
    }

    /** Reads a header; a wrong magic number is reported even when the header is also short. */
    private static byte[] readHeader(DataFile in, int length, String contents, int magic, String meaning)
            throws IOException {
        byte[] header = new byte[length];
        int got = in.read(header, 0, length);
        if (got == 0) {
            throw in.error(in.isGzip() ? "empty: the gzip stream holds no data" : "empty file");
        }
        if (got >= 4) {
            checkMagic(in, header, magic, meaning);
        }
        if (got < length) {
            throw in.error("truncated header: the data ends after " + got + " bytes, but the header needs "
                    + length + " (" + contents + ")");
        }
        return header;
    }

    private static void checkMagic(DataFile in, byte[] header, int expected, String meaning) throws IOException {
        int magic = intAt(header, 0);
        if (magic != expected) {
            throw in.error(String.format("bad magic number 0x%08X, expected 0x%08X (%s)%s",
                    magic, expected, meaning, whatItLooksLike(magic)));
        }
    }

    /** Names the kind of IDX file a wrong magic number belongs to, e.g. when images and labels are swapped. */
    private static String whatItLooksLike(int magic) {
        if ((magic & 0xFFFF0000) != 0) {
            return "; this is not an IDX file";
        }
        String type = switch ((magic >>> 8) & 0xFF) {
            case 0x08 -> "unsigned-byte";
            case 0x09 -> "signed-byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> null;
        };
        return type == null ? "; this is not an IDX file"
                : "; the file looks like IDX " + type + " " + (magic & 0xFF) + "-D data";
    }

    private static int dimension(DataFile in, byte[] header, int offset, String name) throws IOException {
        long value = Integer.toUnsignedLong(intAt(header, offset));
        if (value == 0) {
            throw in.error("header says the " + name + " is 0; it must be at least 1");
        }
        if (value > MAX_ARRAY_LENGTH) {
            throw in.error("header says the " + name + " is " + value + ": too large for this reader");
        }
        return (int) value;
    }

    /** Reads {@code count} items of {@code itemBytes} each, then checks nothing follows them. */
    private static byte[] readBody(DataFile in, int count, int itemBytes, String items) throws IOException {
        checkRawLength(in, count, itemBytes, items);
        int length = Math.multiplyExact(count, itemBytes);
        byte[] body = new byte[in.isGzip() ? Math.min(length, INITIAL_GZIP_BUFFER) : length];
        int filled = 0;
        while (filled < length) {
            if (filled == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
            }
            int got = in.read(body, filled, body.length - filled);
            filled += got;
            if (filled < body.length) {
                break;
            }
        }
        long after = filled < length ? 0 : in.skipToEnd();
        checkLength(in, filled + after, count, itemBytes, items);
        return body;
    }

    /** A raw file's length is known up front: checking it first avoids reading a file that is bound to fail. */
    private static void checkRawLength(DataFile in, int count, int itemBytes, String items) throws IOException {
        if (!in.isGzip()) {
            checkLength(in, Files.size(in.path()) - in.position(), count, itemBytes, items);
        }
    }

    private static void checkLength(DataFile in, long bodyBytes, int count, int itemBytes, String items)
            throws DataFormatException {
        long expected = (long) count * itemBytes;
        if (bodyBytes < expected) {
            long whole = bodyBytes / itemBytes;
            throw in.error("truncated: header says " + count + " " + items + " but the file holds " + whole
                    + (bodyBytes % itemBytes == 0 ? "" : " and part of another"));
        }
        if (bodyBytes > expected) {
            throw in.error((bodyBytes - expected) + " unexpected bytes after the " + count + " " + items
                    + " the header announces (trailing data, or a wrong count in the header)");
        }
    }

    private static int intAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | (bytes[offset + 3] & 0xFF);
    }
}
