package org.ringlab.export;

import java.nio.charset.StandardCharsets;

/**
 * The layout of a really-quantized model file ({@code .rqm}), versions 2 and 3. Big-endian throughout
 * (Java's DataOutput); a string is a u16 byte count followed by UTF-8.
 *
 * <pre>
 * header      magic "RQM1" (4 bytes ASCII), version i32 = 2 (ring only) or 3, file length i64 (CRC included),
 *             channels i32, height i32, width i32, classes i32,
 *             config: i32 byte count + deflated UTF-8 JSON (RunConfigJson)
 * ring layers i32 count, i32 byte count + deflated table of the layers, per layer in forward order:
 *                   name string, ring type string ("triangle"/"sin"), mode string
 *                   ("reference"/"uniform"), sigma f64, n u8, n × f32 values r_0 … r_{n−1},
 *                   levels: L u8, L × f32 ascending (distinct values, merged within 1e-5),
 *                   b u8 = ceil(log2 L) (0 when L = 1);
 *             then per layer in the same order:
 *             weights: N i32, ceil(N·b / 8) bytes of level codes packed LSB-first,
 *             bias: u8 0/1; if 1, N i32 and its packed codes (same levels and b)
 * floats      i32 count, i32 byte count + deflated UTF-8 of the parameters' names (DJL's
 *             hierarchical names) joined by '\n', then per parameter (BatchNorm gamma/beta/running
 *             stats, FP32 layers): rank u8, rank × i64 dims, prod(dims) × f32
 * coded       (version 3 only) the other methods' quantized layers ({@link CodedLayer}):
 *             i32 count, i32 byte count + deflated table, per layer in forward order:
 *                   name string, L u16 distinct codes, b u8 = ceil(log2 L), row length i32 and group
 *                   size i32 of the per-group scales (0, 0: none), folded bias u8 0/1;
 *             then per layer: N i32, ceil(N·b / 8) bytes of codes packed LSB-first,
 *             L × f32 units, one f32 scale per group, if folded: i32 count + that many f32
 * trailer     CRC32 (java.util.zip) u32 of every byte before it
 * </pre>
 *
 * A file without coded layers (a ring model) is written as version 2, byte for byte as before.
 *
 * A weight's code is the index, in the level table, of the value its position snaps to
 * (slot floor(n·p + ½) mod n). Ring weights are stored in the order of the position parameter
 * (C order of (out, in, kh, kw) or (out, in)).
 */
final class RqmFormat {
    static final byte[] MAGIC = "RQM1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    /** Version 2 plus the coded layers of every other weight method, after the float parameters. */
    static final int VERSION_CODED = 3;
    /** Byte offset of the file-length field, patched once the length is known. */
    static final int LENGTH_OFFSET = 8;
    /** Magic, version and length: what must be present before anything else can be judged. */
    static final int PREAMBLE_BYTES = 16;
    static final int CRC_BYTES = 4;

    private RqmFormat() {
    }
}
