package org.ringlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The real MNIST shipped in sample-data/. */
class SampleDataTest {

    private static final Path SAMPLE_DATA =
            Path.of(System.getProperty("ringlab.repo", System.getProperty("user.dir"))).resolve("sample-data");

    @Test
    void loadsAllOfMnist() throws Exception {
        LoadedData data = DataSets.load(SAMPLE_DATA);

        assertEquals(new DataSummary(DataFormat.IDX, 1, 28, 28, 10, 60_000, 10_000), data.summary());
        assertEquals(5, data.train().label(0));
        assertEquals(0, data.train().label(1));
        assertEquals(7, data.test().label(0));
        assertEquals(2, data.test().label(1));
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                data.train().classCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                data.test().classCounts());
        // MNIST digits sit on a black border: the corners are 0
        assertEquals(0, data.train().pixel(0, 0, 0, 0));
        assertEquals(0, data.test().pixel(9999, 0, 27, 27));
    }

    @Test
    void describeAgreesWithoutDecodingImages() throws Exception {
        assertEquals(new DataSummary(DataFormat.IDX, 1, 28, 28, 10, 60_000, 10_000), DataSets.describe(SAMPLE_DATA));
    }

    /** Every file, compressed and uncompressed, has the SHA-256 the README gives for it. */
    @Test
    void readmeChecksumsMatchTheFiles() throws Exception {
        String readme = Files.readString(SAMPLE_DATA.resolve("README.md"));
        Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})\\s+(\\S+)").matcher(readme);
        Map<String, String> documented = new TreeMap<>();
        while (line.find()) {
            documented.put(line.group(2), line.group(1));
        }

        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(SAMPLE_DATA)) {
            for (Path gz : files.filter(f -> f.toString().endsWith(".gz")).toList()) {
                String name = gz.getFileName().toString();
                actual.put(name, sha256(Files.newInputStream(gz)));
                actual.put(name.substring(0, name.length() - 3), sha256(new GZIPInputStream(Files.newInputStream(gz))));
            }
        }
        assertEquals(8, actual.size());
        assertEquals(actual, documented);
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        }
    }
}
