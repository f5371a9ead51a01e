package org.ringlab.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.ringlab.config.DeviceKind;

/** Picks the engine device for a run: the GPU where one exists (auto), or what the user asked for. */
public final class Devices {
    private Devices() {
    }

    public static Device select(DeviceKind kind) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (kind) {
            case CPU -> Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device gpu was requested but the engine sees no GPU "
                            + "(build with the gpu profile on a CUDA machine, or use --device cpu)");
                }
                yield Device.gpu(0);
            }
            case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
        };
    }
}
