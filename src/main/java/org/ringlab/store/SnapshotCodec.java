package org.ringlab.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.ringlab.train.PositionSnapshot;

/**
 * A {@link PositionSnapshot} as a blob: its JSON (Jackson, every record component by name),
 * zlib-deflated. Generic on purpose: a component added to the records later is written without a
 * change here, and an older blob without it still reads (the component gets its default), as does
 * a newer blob read by older code (unknown names are skipped).
 */
final class SnapshotCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SnapshotCodec() {
    }

    static byte[] encode(PositionSnapshot snapshot) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED))) {
            JSON.writeValue(out, snapshot);
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory stream cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static PositionSnapshot decode(byte[] blob) throws IOException {
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(blob))) {
            return JSON.readValue(in, PositionSnapshot.class);
        }
    }
}
