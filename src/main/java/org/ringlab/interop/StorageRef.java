package org.ringlab.interop;

/**
 * A persistent id of a torch checkpoint, {@code ('storage', torch.FloatStorage, '7', 'cuda:0', 432)}:
 * the raw bytes live in the zip entry {@code <name>/data/<key>}.
 */
record StorageRef(DType dtype, String key, String location, long numel) {
}
