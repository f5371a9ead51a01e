package org.ringlab.remote;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.remote.v1.DescribeReply;
import org.ringlab.remote.v1.Device;
import org.ringlab.remote.v1.EpochEvent;
import org.ringlab.remote.v1.RunState;
import org.ringlab.remote.v1.SnapshotEvent;
import org.ringlab.remote.v1.StepEvent;
import org.ringlab.service.DeviceInfo;
import org.ringlab.service.WorkerInfo;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.PositionSnapshot;
import org.ringlab.train.RunStatus;
import org.ringlab.train.StepMetrics;

/** Converts between RingLab's values and the worker protocol's messages, in both directions. */
final class Wire {
    /**
     * Snapshots travel as the JSON that snapshots.jsonl holds; a reader ignores statistics it does
     * not know yet, so a worker that records more per layer still talks to an older client.
     */
    private static final ObjectMapper SNAPSHOT_JSON = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Wire() {
    }

    static RunState state(RunStatus status) {
        return switch (status) {
            case PENDING -> RunState.PENDING;
            case RUNNING -> RunState.RUNNING;
            case PAUSED -> RunState.PAUSED;
            case FINISHED -> RunState.FINISHED;
            case STOPPED -> RunState.STOPPED;
            case DIVERGED -> RunState.DIVERGED;
            case FAILED -> RunState.FAILED;
            case INTERRUPTED -> RunState.INTERRUPTED;
        };
    }

    /** @throws IllegalArgumentException for a state this side does not know (a newer peer's) */
    static RunStatus status(RunState state) {
        return switch (state) {
            case PENDING -> RunStatus.PENDING;
            case RUNNING -> RunStatus.RUNNING;
            case PAUSED -> RunStatus.PAUSED;
            case FINISHED -> RunStatus.FINISHED;
            case STOPPED -> RunStatus.STOPPED;
            case DIVERGED -> RunStatus.DIVERGED;
            case FAILED -> RunStatus.FAILED;
            case INTERRUPTED -> RunStatus.INTERRUPTED;
            case RUN_STATE_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException(
                    "unknown run state " + state + " from the worker");
        };
    }

    static StepEvent step(StepMetrics s) {
        return StepEvent.newBuilder().setStep(s.step()).setEpoch(s.epoch()).setStepInEpoch(s.stepInEpoch())
                .setStepsPerEpoch(s.stepsPerEpoch()).setLoss(s.loss()).setAccuracy(s.accuracy()).setLr(s.lr())
                .build();
    }

    static StepMetrics step(StepEvent s) {
        return new StepMetrics(s.getStep(), s.getEpoch(), s.getStepInEpoch(), s.getStepsPerEpoch(), s.getLoss(),
                s.getAccuracy(), s.getLr());
    }

    static EpochEvent epoch(EpochMetrics e) {
        return EpochEvent.newBuilder().setEpoch(e.epoch()).setStep(e.step()).setTrainLoss(e.trainLoss())
                .setTrainAcc(e.trainAcc()).setTestAccSoft(e.testAccSoft()).setTestAccSnapped(e.testAccSnapped())
                .setTestAccSnappedBn(e.testAccSnappedBn()).setLr(e.lr()).setImagesPerSecond(e.imagesPerSecond())
                .setSeconds(e.seconds()).setElapsedSeconds(e.elapsedSeconds()).build();
    }

    static EpochMetrics epoch(EpochEvent e) {
        return new EpochMetrics(e.getEpoch(), e.getStep(), e.getTrainLoss(), e.getTrainAcc(), e.getTestAccSoft(),
                e.getTestAccSnapped(), e.getTestAccSnappedBn(), e.getLr(), e.getImagesPerSecond(), e.getSeconds(),
                e.getElapsedSeconds());
    }

    static SnapshotEvent snapshot(PositionSnapshot s) {
        try {
            return SnapshotEvent.newBuilder().setStep(s.step()).setEpoch(s.epoch())
                    .setPositionSnapshotJson(ByteString.copyFrom(SNAPSHOT_JSON.writeValueAsBytes(s))).build();
        } catch (IOException e) {
            throw new IllegalStateException("a position snapshot always serializes", e);
        }
    }

    /** @throws IllegalArgumentException when the JSON is not a position snapshot */
    static PositionSnapshot snapshot(SnapshotEvent s) {
        try {
            return SNAPSHOT_JSON.readValue(s.getPositionSnapshotJson().toByteArray(), PositionSnapshot.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("snapshot at step " + s.getStep()
                    + " from the worker is not a position snapshot: " + e.getMessage(), e);
        }
    }

    static DescribeReply describe(WorkerInfo info, long pid, String hostName, String workspace) {
        DescribeReply.Builder b = DescribeReply.newBuilder().setApiVersion(ApiVersion.CURRENT)
                .setRinglabVersion(info.ringlabVersion()).setEngineName(info.engineName())
                .setEngineVersion(info.engineVersion()).setJavaVersion(info.javaVersion()).setPid(pid)
                .setHostName(hostName).setWorkspace(workspace);
        for (DeviceInfo d : info.devices()) {
            b.addDevices(Device.newBuilder()
                    .setKind(d.kind() == DeviceInfo.Kind.GPU ? Device.Kind.GPU : Device.Kind.CPU)
                    .setId(d.id()).setName(d.name()).setMemoryBytes(d.memoryBytes()).setCores(d.cores())
                    .setComputeCapability(d.computeCapability()));
        }
        return b.build();
    }

    static WorkerInfo describe(DescribeReply r, String location) {
        List<DeviceInfo> devices = new ArrayList<>();
        for (Device d : r.getDevicesList()) {
            DeviceInfo.Kind kind = d.getKind() == Device.Kind.GPU ? DeviceInfo.Kind.GPU : DeviceInfo.Kind.CPU;
            devices.add(new DeviceInfo(kind, d.getId(), d.getName(), d.getMemoryBytes(), d.getCores(),
                    d.getComputeCapability()));
        }
        return new WorkerInfo(location, r.getApiVersion(), r.getRinglabVersion(), r.getEngineName(),
                r.getEngineVersion(), r.getJavaVersion(), devices);
    }
}
