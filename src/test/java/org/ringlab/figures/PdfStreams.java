package org.ringlab.figures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** A PDF's text with its Flate-compressed streams expanded, so that tests can look for operators in them. */
final class PdfStreams {
    private static final Pattern STREAM = Pattern.compile("stream\r?\n(.*?)endstream", Pattern.DOTALL);

    private PdfStreams() {
    }

    static String inflated(String pdf) {
        Matcher m = STREAM.matcher(pdf);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("stream\n" + inflate(m.group(1)) + "\nendstream"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Uncompressed streams come back as they are. */
    private static String inflate(String data) {
        Inflater inflater = new Inflater();
        inflater.setInput(data.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            return data;
        } finally {
            inflater.end();
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
