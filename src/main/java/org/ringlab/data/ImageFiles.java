package org.ringlab.data;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.ringlab.io.Printable;
import org.ringlab.io.RegularFile;

/**
 * Reads one image file of an image folder with {@code javax.imageio}: the header first (size and
 * colour type, checked against {@link DataLimits} before any pixel is decoded), then the pixels,
 * converted to the data set's channel count and resized to a square by area averaging (each
 * output pixel is the mean of the source area it covers, so downscaling does not alias).
 */
final class ImageFiles {

    /** What an image's header says. */
    record Header(int width, int height, int channels) {
    }

    private ImageFiles() {
    }

    /** Reads and checks an image's header. */
    static Header header(Path file) throws IOException {
        return withReader(file, reader -> header(file, reader));
    }

    /**
     * Decodes {@code file}, converts it to {@code channels} (1: luma as ITU-R 601, as PIL's {@code
     * convert('L')}; 3: grey copied to R, G and B) and writes it resized to {@code size}x{@code size},
     * channel-major, into {@code target} from {@code offset}.
     */
    static void read(Path file, int channels, int size, byte[] target, int offset) throws IOException {
        withReader(file, reader -> {
            header(file, reader); // the size is checked before any pixel is decoded
            BufferedImage image = reader.read(0);
            float[][] planes = planes(image, image.getColorModel().getNumColorComponents() == 1, channels);
            for (int c = 0; c < channels; c++) {
                float[] resized = resize(planes[c], image.getWidth(), image.getHeight(), size);
                for (int i = 0; i < resized.length; i++) {
                    target[offset + c * size * size + i] = (byte) Math.min(255, Math.max(0, Math.round(resized[i])));
                }
            }
            return null;
        });
    }

    private interface Use<T> {
        T apply(ImageReader reader) throws IOException;
    }

    private static <T> T withReader(Path file, Use<T> use) throws IOException {
        String problem = RegularFile.problem(file);
        if (problem != null) {
            throw problem(file, problem);
        }
        long bytes = Files.size(file);
        if (bytes == 0) {
            throw problem(file, "empty file; expected a PNG or JPEG image");
        }
        if (bytes > DataLimits.MAX_IMAGE_FILE_BYTES) {
            throw problem(file, "size " + DataLimits.bytes(bytes) + " is more than the "
                    + DataLimits.bytes(DataLimits.MAX_IMAGE_FILE_BYTES) + " RingLab reads for one image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw problem(file, "cannot be opened as an image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw problem(file, "not an image javax.imageio can read (expected PNG or JPEG)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return use.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // a damaged file makes decoders throw anything from IIOException to IndexOutOfBounds
            throw problem(file, "damaged or unsupported image: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private static Header header(Path file, ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
            throw problem(file, "the header says the image is " + width + "x" + height + " pixels");
        }
        if ((long) width * height > DataLimits.MAX_DECODED_PIXELS) {
            throw problem(file, "the header says the image is " + width + "x" + height + " pixels, more than the "
                    + DataLimits.MAX_DECODED_PIXELS + " pixels RingLab decodes for one image");
        }
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            throw problem(file, "the image's colour type is not one javax.imageio can decode");
        }
        return new Header(width, height, type.getColorModel().getNumColorComponents() == 1 ? 1 : 3);
    }

    /** The image's pixels as float planes of 0..255, {@code channels} of them. */
    private static float[][] planes(BufferedImage image, boolean grey, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[][] planes = new float[channels][w * h];
        if (grey) {
            // the raster's own samples: getRGB would pass them through a gamma conversion
            Raster raster = image.getRaster();
            int bits = image.getColorModel().getComponentSize(0);
            float scale = 255f / ((1 << bits) - 1);
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < channels; c++) {
                        planes[c][y * w + x] = row[x] * scale;
                    }
                }
            }
            return planes;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int r = row[x] >> 16 & 0xff;
                int g = row[x] >> 8 & 0xff;
                int b = row[x] & 0xff;
                if (channels == 1) {
                    planes[0][y * w + x] = (r * 299 + g * 587 + b * 114) / 1000f;
                } else {
                    planes[0][y * w + x] = r;
                    planes[1][y * w + x] = g;
                    planes[2][y * w + x] = b;
                }
            }
        }
        return planes;
    }

    /** Area-average resampling of a {@code w}x{@code h} plane to {@code size}x{@code size}, rows then columns. */
    static float[] resize(float[] plane, int w, int h, int size) {
        if (w == size && h == size) {
            return plane;
        }
        float[] rows = new float[h * size];
        for (int y = 0; y < h; y++) {
            resample(plane, y * w, 1, w, rows, y * size, 1, size);
        }
        float[] out = new float[size * size];
        for (int x = 0; x < size; x++) {
            resample(rows, x, size, h, out, x, size, size);
        }
        return out;
    }

    /** Resamples {@code n} values (every {@code step}th from {@code from}) to {@code m} values by area. */
    private static void resample(float[] src, int from, int step, int n, float[] dst, int to, int dstStep, int m) {
        double scale = (double) n / m;
        for (int j = 0; j < m; j++) {
            double start = j * scale;
            double end = start + scale;
            double sum = 0;
            for (int i = (int) start; i < n && i < end; i++) {
                double overlap = Math.min(end, i + 1) - Math.max(start, i);
                sum += overlap * src[from + i * step];
            }
            dst[to + j * dstStep] = (float) (sum / scale);
        }
    }

    private static DataFormatException problem(Path file, String what) {
        return new DataFormatException(file + ": " + Printable.shown(what, 300));
    }
}
