package org.ringlab.quant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the golden vectors produced by the PyTorch reference (see resources/golden/README.md). */
public final class GoldenVectors {
    private static JsonNode root;

    private GoldenVectors() {
    }

    public static synchronized JsonNode root() {
        if (root == null) {
            try (InputStream in = GoldenVectors.class.getResourceAsStream("/golden/ring-golden.json")) {
                root = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    public static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
