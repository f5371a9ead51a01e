package org.ringlab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.ringlab.nn.BuiltModel;
import org.ringlab.nn.quantizer.ParameterFill;

/**
 * Everything a run needs to continue exactly where it was: every parameter of the model (running
 * statistics included), the optimiser's state and the epoch and step counters. One file, written
 * to a temporary file beside it, flushed to disk and renamed into place, so a crash or a full disk
 * leaves the previous checkpoint as it was. A CRC-32 at the end tells a damaged file from a good one.
 *
 * <p>Layout (big-endian): magic, format version, epochs done, steps done, elapsed seconds, the
 * parameters (name, shape, float32 values), the optimiser (kind, steps, tensors), the CRC.
 */
public final class ResumeCheckpoint {
    /** Opens the stream a checkpoint is written to; replaceable so tests can simulate a full disk. */
    @FunctionalInterface
    public interface Sink {
        OutputStream open(Path file) throws IOException;
    }

    /** Writes to the file system. */
    public static final Sink FILES = Files::newOutputStream;

    private static final byte[] MAGIC = "RINGLAB-RESUME\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;

    private final int epochsDone;
    private final int steps;
    private final double elapsedSeconds;
    private final Map<String, Tensor> parameters;
    private final OptimizerState optimizer;

    @SuppressWarnings("ArrayRecordComponent") // arrays held as they are, not copied; nothing compares it by value
    private record Tensor(long[] shape, float[] values) {
    }

    private ResumeCheckpoint(int epochsDone, int steps, double elapsedSeconds, Map<String, Tensor> parameters,
            OptimizerState optimizer) {
        this.epochsDone = epochsDone;
        this.steps = steps;
        this.elapsedSeconds = elapsedSeconds;
        this.parameters = parameters;
        this.optimizer = optimizer;
    }

    /** Completed epochs; training resumes with epoch {@code epochsDone() + 1}. */
    public int epochsDone() {
        return epochsDone;
    }

    /** Optimisation steps done; the next step is {@code steps() + 1}. */
    public int steps() {
        return steps;
    }

    /** Training wall time up to the checkpoint, so that elapsed times continue. */
    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    static ResumeCheckpoint capture(BuiltModel model, ParameterOptimizer optimizer, int epochsDone, int steps,
            double elapsedSeconds) {
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            NDArray a = p.getValue().getArray();
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException("parameter " + p.getKey() + " is " + a.getDataType()
                        + "; checkpoints hold float32 only");
            }
            params.put(p.getKey(), new Tensor(a.getShape().getShape(), a.toFloatArray()));
        }
        return new ResumeCheckpoint(epochsDone, steps, elapsedSeconds, params, optimizer.state());
    }

    /** Copies the parameters into the model's arrays in place (the optimiser keeps its handles). */
    public void restoreParameters(BuiltModel model, Path source) throws IOException {
        List<Pair<String, Parameter>> modelParams = model.block().getParameters().stream().toList();
        if (modelParams.size() != parameters.size()) {
            throw new IOException(source + ": holds " + parameters.size() + " parameters, this model has "
                    + modelParams.size() + " (a checkpoint of another model or configuration?)");
        }
        for (Pair<String, Parameter> p : modelParams) {
            Tensor t = parameters.get(p.getKey());
            NDArray a = p.getValue().getArray();
            if (t == null || !Arrays.equals(t.shape(), a.getShape().getShape())) {
                throw new IOException(source + ": parameter " + p.getKey() + (t == null ? " is missing"
                        : " has shape " + Arrays.toString(t.shape()) + ", the model has "
                                + Arrays.toString(a.getShape().getShape()))
                        + " (a checkpoint of another model or configuration?)");
            }
        }
        for (Pair<String, Parameter> p : modelParams) {
            ParameterFill.copy(p.getValue().getArray(), parameters.get(p.getKey()).values());
        }
    }

    /** Every parameter value in file order, concatenated (for comparisons). */
    float[] allParameterValues() {
        int n = parameters.values().stream().mapToInt(t -> t.values().length).sum();
        float[] out = new float[n];
        int at = 0;
        for (Tensor t : parameters.values()) {
            System.arraycopy(t.values(), 0, out, at, t.values().length);
            at += t.values().length;
        }
        return out;
    }

    OptimizerState optimizer() {
        return optimizer;
    }

    /**
     * Writes atomically: temporary file, flushed to disk, renamed over {@code file}. On any
     * failure the temporary file is removed and whatever {@code file} held before is untouched.
     *
     * @throws IOException naming the file, the problem and whether an older checkpoint survives
     */
    public void save(Path file, Sink sink) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (OutputStream raw = sink.open(tmp)) {
                write(raw);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            String kept = Files.isRegularFile(file) ? "the previous checkpoint is kept" : "no earlier checkpoint exists";
            throw new IOException("cannot write checkpoint " + file + ": " + Failures.describe(e) + " (" + kept + ")",
                    e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private void write(OutputStream raw) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw), crc));
        out.write(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(epochsDone);
        out.writeInt(steps);
        out.writeDouble(elapsedSeconds);
        out.writeInt(parameters.size());
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            out.writeUTF(e.getKey());
            writeTensor(out, e.getValue().shape(), e.getValue().values());
        }
        out.writeUTF(optimizer.kind());
        out.writeLong(optimizer.steps());
        out.writeInt(optimizer.values().size());
        for (int i = 0; i < optimizer.values().size(); i++) {
            writeTensor(out, optimizer.shapes().get(i), optimizer.values().get(i));
        }
        out.flush();
        // the CRC covers everything before it, so it goes to the stream underneath the checksum
        DataOutputStream tail = new DataOutputStream(raw);
        tail.writeLong(crc.getValue());
        tail.flush();
    }

    private static void writeTensor(DataOutputStream out, long[] shape, float[] values) throws IOException {
        out.writeInt(shape.length);
        for (long d : shape) {
            out.writeLong(d);
        }
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    /** @throws IOException naming the file when it is missing, damaged or not a RingLab checkpoint */
    public static ResumeCheckpoint read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            CRC32 crc = new CRC32();
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + ": not a RingLab resume checkpoint");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException(file + ": checkpoint format " + format + ", this RingLab reads format " + FORMAT);
            }
            int epochs = in.readInt();
            int steps = in.readInt();
            double elapsed = in.readDouble();
            int n = in.readInt();
            Map<String, Tensor> params = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                long[][] shape = new long[1][];
                float[] values = readTensor(in, shape);
                params.put(name, new Tensor(shape[0], values));
            }
            String kind = in.readUTF();
            long optSteps = in.readLong();
            int m = in.readInt();
            List<long[]> shapes = new ArrayList<>();
            List<float[]> values = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                long[][] shape = new long[1][];
                values.add(readTensor(in, shape));
                shapes.add(shape[0]);
            }
            long expected = crc.getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected || raw.read() != -1) {
                throw new IOException(file + ": checkpoint is damaged (checksum mismatch)");
            }
            return new ResumeCheckpoint(epochs, steps, elapsed, params, new OptimizerState(kind, optSteps, shapes,
                    values));
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no checkpoint (the run never completed a checkpointed epoch)", e);
        } catch (EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        } catch (IllegalArgumentException | NegativeArraySizeException | OutOfMemoryError e) {
            throw new IOException(file + ": checkpoint is damaged (" + e.getMessage() + ")", e);
        }
    }

    private static float[] readTensor(DataInputStream in, long[][] shapeOut) throws IOException {
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
            throw new IllegalArgumentException("tensor rank " + rank);
        }
        long[] shape = new long[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
            shape[d] = in.readLong();
            size *= shape[d];
        }
        int count = in.readInt();
        if (count != size || count < 0) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " with " + count
                    + " values");
        }
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
        shapeOut[0] = shape;
        return values;
    }
}
