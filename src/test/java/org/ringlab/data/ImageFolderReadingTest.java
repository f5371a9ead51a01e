package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.io.ReaderOutcome;

/** Class folders of PNG/JPEG images: layouts, resizing, channels, normalisation, hostile images. */
class ImageFolderReadingTest {
    @TempDir
    Path dir;

    /** A PNG of one colour (grey when {@code grey}). */
    static byte[] png(int width, int height, int rgb, boolean grey) throws IOException {
        BufferedImage image = new BufferedImage(width, height, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (grey) {
                    image.getRaster().setSample(x, y, 0, rgb & 0xff);
                } else {
                    image.setRGB(x, y, rgb);
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static String failure(Path folder) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> DataSets.load(folder, 8));
        ReaderOutcome.assertOneLine(e.getMessage());
        return e.getMessage();
    }

    private static void assertContains(String message, String part) {
        assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
    }

    @Test
    void trainAndTestFoldersResizedWithNormalisationFromTheTrainingSplit() throws Exception {
        write(dir.resolve("train/cat/1.png"), png(40, 20, 0xFF0000, false));
        write(dir.resolve("train/cat/2.png"), png(8, 8, 0x0000FF, false));
        write(dir.resolve("train/dog/a.png"), png(3, 5, 0x00FF00, false));
        write(dir.resolve("train/dog/notes.txt"), new byte[] {1});
        write(dir.resolve("test/dog/b.png"), png(16, 16, 0x808080, false));

        LoadedData data = DataSets.load(dir, 8);
        assertEquals(DataFormat.IMAGE_FOLDER, data.format());
        assertEquals("image folder: 3x8x8, 2 classes, 3 train / 1 test images", data.summary().toString());
        assertEquals(data.summary(), DataSets.describe(dir, 8));
        assertArrayEquals(new int[] {0, 0, 1}, data.train().labels());
        assertArrayEquals(new int[] {1}, data.test().labels());
        assertEquals(255, data.train().pixel(0, 0, 7, 7)); // red stays red when shrunk
        assertEquals(0, data.train().pixel(0, 1, 3, 3));
        assertEquals(255, data.train().pixel(2, 1, 0, 0)); // green stays green when enlarged
        assertEquals(128, data.test().pixel(0, 2, 4, 4));
        // each channel is 255 in one of three images and 0 in the others: mean 1/3, std sqrt(2)/3
        for (int c = 0; c < 3; c++) {
            assertEquals(1 / 3.0, data.normalization().mean(c), 1e-5);
            assertEquals(Math.sqrt(2) / 3, data.normalization().std(c), 1e-5);
        }
    }

    @Test
    void areaAveragingKeepsTheMeanOfAStripedImage() {
        float[] stripes = new float[4 * 2];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = i % 2 == 0 ? 0 : 200;
        }
        assertArrayEquals(new float[] {100}, ImageFiles.resize(stripes, 4, 2, 1));
        // 3x1 to 2x2: the middle column is shared half and half (rows are only repeated)
        float[] row = ImageFiles.resize(new float[] {10, 40, 40}, 3, 1, 2);
        assertEquals(20, row[0], 1e-4f);
        assertEquals(40, row[1], 1e-4f);
    }

    @Test
    void oneFolderHoldsOutEveryFifthImageAndMostImagesDecideTheChannels() throws Exception {
        for (int i = 0; i < 10; i++) {
            write(dir.resolve("a/" + i + ".png"), png(4, 4, 10 * i, i != 0)); // one colour image among grey ones
        }
        write(dir.resolve("b/x.png"), png(4, 4, 200, true));

        LoadedData data = DataSets.load(dir, 4);
        assertEquals(1, data.train().channels());
        // a/4.png and a/9.png are held out; b has too few images to give one
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 1}, data.train().labels());
        assertArrayEquals(new int[] {0, 0}, data.test().labels());
        assertEquals(40, data.test().pixel(0, 0, 0, 0));
        assertEquals(90, data.test().pixel(1, 0, 2, 2));
        // the colour image (0x000000) became grey 0
        assertEquals(0, data.train().pixel(0, 0, 0, 0));
    }

    @Test
    void aBrokenOrHugeImageIsNamed() throws Exception {
        write(dir.resolve("train/a/1.png"), png(4, 4, 1, false));
        write(dir.resolve("test/a/1.png"), png(4, 4, 1, false));
        byte[] good = png(4, 4, 1, false);
        Path broken = write(dir.resolve("train/a/2.png"), java.util.Arrays.copyOf(good, good.length / 2));
        assertContains(failure(dir), broken + ": damaged or unsupported image");

        write(broken, "not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertContains(failure(dir), broken + ": not an image javax.imageio can read");

        // a 200000x200000 PNG header: refused from the header, before any pixel is decoded
        byte[] bomb = png(1, 1, 0, true);
        java.nio.ByteBuffer.wrap(bomb).putInt(16, 200_000).putInt(20, 200_000);
        write(broken, bomb);
        assertContains(failure(dir), broken + ": the header says the image is 200000x200000 pixels, more than the");

        Files.delete(broken);
        write(dir.resolve("test/b/1.png"), png(4, 4, 1, false));
        assertContains(failure(dir), "class 'b' has no folder in");
    }

    @Test
    void noTestImages() throws Exception {
        write(dir.resolve("a/1.png"), png(4, 4, 1, false));
        assertContains(failure(dir), "no test images");
    }
}
