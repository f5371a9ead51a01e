package org.ringlab.data;

/**
 * The largest inputs the readers accept, checked against a file's header before anything is
 * allocated: a header is only a claim, and a small file claiming billions of images must fail on
 * its claim, not with an OutOfMemoryError.
 */
public final class DataLimits {
    /**
     * Rows and columns of an image. A 2048x2048 image already gives LeNet's first fully connected
     * layer half a billion weights; 1024 leaves room for any image the models here can learn from.
     */
    public static final int MAX_IMAGE_SIDE = 1024;
    /** Channels of an image: grey (IDX) and RGB (CIFAR), with room for RGBA. */
    public static final int MAX_CHANNELS = 4;
    /**
     * Bytes of one file's content and of one split's pixels (1 GiB). CIFAR-10's training split
     * is 150 MB, EMNIST's largest 550 MB.
     */
    public static final long MAX_SPLIT_BYTES = 1L << 30;
    /** Bytes of one image file in an image folder: a 32x32 training image is a few kilobytes. */
    public static final long MAX_IMAGE_FILE_BYTES = 64L << 20;
    /**
     * Pixels of one image in an image folder before it is resized (a 6000x5000 photo is 30 million);
     * checked from the file's header before decoding, so a small file announcing a huge image (a
     * decompression bomb) is refused before memory is spent on it.
     */
    public static final long MAX_DECODED_PIXELS = 1L << 25;
    /** Image files in one image folder. */
    public static final int MAX_IMAGE_FILES = 2_000_000;

    /**
     * Deflate, and so gzip, cannot compress better than 1032:1 (zlib's documented limit); a gzip
     * header announcing more than this many times the file's size lies.
     */
    static final long MAX_DEFLATE_RATIO = 1032;

    private DataLimits() {
    }

    static String bytes(long n) {
        return n < 10L << 20 ? n + " bytes" : String.format(java.util.Locale.ROOT, "%.1f MB (%d bytes)", n / 1e6, n);
    }
}
