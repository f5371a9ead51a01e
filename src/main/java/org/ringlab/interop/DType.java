package org.ringlab.interop;

/** The element types RingLab reads from a checkpoint, named after the torch storages that hold them. */
public enum DType {
    FLOAT32("FloatStorage", 4),
    INT64("LongStorage", 8);

    private final String storageName;
    private final int bytes;

    DType(String storageName, int bytes) {
        this.storageName = storageName;
        this.bytes = bytes;
    }

    /** The storage class in the {@code torch} module, e.g. "FloatStorage". */
    public String storageName() {
        return storageName;
    }

    public int bytes() {
        return bytes;
    }
}
