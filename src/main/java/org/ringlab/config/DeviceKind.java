package org.ringlab.config;

/** Where training runs; auto picks a GPU when the engine has one. */
public enum DeviceKind implements ConfigEnum {
    AUTO, CPU, GPU;

    public static DeviceKind parse(String text) {
        return ConfigEnum.parse(DeviceKind.class, "device", text);
    }

    @Override
    public String toString() {
        return key();
    }
}
