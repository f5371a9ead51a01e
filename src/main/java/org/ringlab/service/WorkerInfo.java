package org.ringlab.service;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What trains the runs: where it is, its devices and the software it runs.
 *
 * @param location "in process", "local worker (pid 1234)" or "worker at gpu-box:50051"
 * @param apiVersion the worker protocol version ("1.0"), empty in process
 */
public record WorkerInfo(String location, String apiVersion, String ringlabVersion, String engineName,
        String engineVersion, String javaVersion, List<DeviceInfo> devices) {

    public WorkerInfo {
        devices = List.copyOf(devices);
    }

    /** The first GPU, else the CPU: what an "auto" run trains on. */
    public DeviceInfo primaryDevice() {
        return devices.stream().filter(d -> d.kind() == DeviceInfo.Kind.GPU).findFirst()
                .orElseGet(() -> devices.isEmpty() ? null : devices.get(0));
    }

    /** One line for a status bar, e.g. "CPU AMD EPYC 9R14, 2 cores, 23.4 GiB; PyTorch 2.7.1; in process". */
    public String summary() {
        String devs = devices.stream().map(DeviceInfo::summary).collect(Collectors.joining(" + "));
        return (devs.isEmpty() ? "no device" : devs) + "; " + engineName + " " + engineVersion + "; " + location;
    }

    /** This copy as seen from somewhere else (the client names where the worker is). */
    public WorkerInfo at(String newLocation) {
        return new WorkerInfo(newLocation, apiVersion, ringlabVersion, engineName, engineVersion, javaVersion,
                devices);
    }
}
