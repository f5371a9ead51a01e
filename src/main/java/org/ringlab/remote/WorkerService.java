package org.ringlab.remote;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.remote.v1.ControlRequest;
import org.ringlab.remote.v1.DescribeReply;
import org.ringlab.remote.v1.DescribeRequest;
import org.ringlab.remote.v1.HeartbeatRequest;
import org.ringlab.remote.v1.ListQueueRequest;
import org.ringlab.remote.v1.ListRunsReply;
import org.ringlab.remote.v1.ListRunsRequest;
import org.ringlab.remote.v1.MoveQueuedRequest;
import org.ringlab.remote.v1.QueueReply;
import org.ringlab.remote.v1.ResumeRunRequest;
import org.ringlab.remote.v1.RunEvent;
import org.ringlab.remote.v1.RunInfo;
import org.ringlab.remote.v1.RunRequest;
import org.ringlab.remote.v1.SubmitRequest;
import org.ringlab.remote.v1.TrainingWorkerGrpc;
import org.ringlab.remote.v1.WatchRequest;
import org.ringlab.remote.v1.WorkerBeat;
import org.ringlab.service.InProcessTrainingService;
import org.ringlab.service.RunHandle;
import org.ringlab.service.WorkerInfo;
import org.ringlab.store.StoreException;

/**
 * The worker side of the protocol: serves an {@link InProcessTrainingService} of this JVM. Bad
 * requests fail only their own call, with a status and a description that names the problem.
 */
final class WorkerService extends TrainingWorkerGrpc.TrainingWorkerImplBase implements AutoCloseable {
    private final InProcessTrainingService service;
    private final DataGate dataGate;
    private final DiskCalls disk;
    private final EventSpool spool;
    private final Map<String, RunEventLog> logs = new ConcurrentHashMap<>();
    private final List<ServerCallStreamObserver<WorkerBeat>> beatWatchers = new ArrayList<>();
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ringlab-worker-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile WorkerInfo info;

    @SuppressWarnings("FutureReturnValueIgnored") // the periodic beats run until close() shuts the executor down
    WorkerService(InProcessTrainingService service, long heartbeatMillis, DataRoots dataRoots,
            WorkerServer.Tuning tuning, RateLimitedLog malformedRequests) {
        this.service = service;
        this.dataGate = new DataGate(dataRoots, tuning.log());
        this.disk = new DiskCalls(tuning.diskDeadline());
        this.spool = new EventSpool(service.workspace(), tuning.events(), tuning.log());
        service.addQueueListener(this::beat);
        beats.scheduleAtFixedRate(this::beat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
        beats.scheduleAtFixedRate(malformedRequests::tick, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void describe(DescribeRequest request, StreamObserver<DescribeReply> reply) {
        unary(reply, () -> {
            WorkerInfo i = info;
            if (i == null) {
                // loads the engine once; later calls answer at once
                i = service.describe();
                info = i;
            }
            return Wire.describe(i, ProcessHandle.current().pid(), hostName(),
                    service.workspace().toAbsolutePath().toString());
        });
    }

    @Override
    public void submit(SubmitRequest request, StreamObserver<RunInfo> reply) {
        // reading the data folder may block (a FIFO), so it runs off gRPC's threads with a deadline
        disk.run("Submit", reply, () -> dataGate.admit(RunConfigJson.fromJson(request.getConfigJson())), config -> {
            RunEventLog log = spool.newLog();
            RunHandle run;
            try {
                run = service.submit(config, log);
            } catch (RuntimeException e) {
                log.discard();
                throw e;
            }
            keep(run.id(), log);
            return runInfo(run);
        });
    }

    private void keep(String runId, RunEventLog log) {
        RunEventLog before = logs.put(runId, log);
        if (before != null) {
            before.discard();
        }
    }

    @Override
    public void listRuns(ListRunsRequest request, StreamObserver<ListRunsReply> reply) {
        unary(reply, () -> {
            ListRunsReply.Builder b = ListRunsReply.newBuilder();
            for (RunHandle run : service.runs()) {
                if (logs.containsKey(run.id())) {
                    b.addRuns(runInfo(run));
                }
            }
            return b.build();
        });
    }

    @Override
    public void watch(WatchRequest request, StreamObserver<RunEvent> events) {
        try {
            if (request.getFromSeq() < 0) {
                throw new IllegalArgumentException("from_seq must be 0 or more, got " + request.getFromSeq());
            }
            RunEventLog log = logs.get(checkedId(request.getRunId()));
            if (log == null) {
                throw new NoSuchElementException("no run with id '" + request.getRunId() + "'");
            }
            log.watch(request.getFromSeq(), (ServerCallStreamObserver<RunEvent>) events);
        } catch (RuntimeException e) {
            events.onError(Errors.toStatus(e));
        }
    }

    @Override
    public void control(ControlRequest request, StreamObserver<RunInfo> reply) {
        unary(reply, () -> {
            RunHandle run = run(request.getRunId());
            switch (request.getAction()) {
                case PAUSE -> run.pause();
                case RESUME -> run.resume();
                case STEP -> run.step();
                case STOP -> run.stop();
                case ACTION_UNSPECIFIED, UNRECOGNIZED -> throw new IllegalArgumentException(
                        "unknown control action " + request.getActionValue()
                                + "; expected PAUSE, RESUME, STEP or STOP");
            }
            return runInfo(run);
        });
    }

    @Override
    public void listQueue(ListQueueRequest request, StreamObserver<QueueReply> reply) {
        unary(reply, this::queue);
    }

    @Override
    public void cancelQueued(RunRequest request, StreamObserver<QueueReply> reply) {
        unary(reply, () -> {
            service.cancelQueued(run(request.getRunId()).id());
            return queue();
        });
    }

    @Override
    public void moveQueued(MoveQueuedRequest request, StreamObserver<QueueReply> reply) {
        unary(reply, () -> {
            service.moveQueued(run(request.getRunId()).id(), request.getOffset());
            return queue();
        });
    }

    @Override
    public void resumeRun(ResumeRunRequest request, StreamObserver<RunInfo> reply) {
        disk.run("ResumeRun", reply, () -> {
            String id = checkedId(request.getRunId());
            RunConfig stored = storedConfig(id);
            if (stored != null) {
                dataGate.checkStored(id, stored);
            }
            return id;
        }, id -> {
            // a run of an earlier (dead) worker is known only to the store: resume by id, with a new
            // log; concurrent calls for one run are refused by the store's run lock (but the first)
            RunEventLog log = spool.newLog();
            RunHandle run;
            try {
                run = service.resume(id, request.getFromScratch(), log);
            } catch (RuntimeException e) {
                log.discard();
                throw e;
            }
            keep(run.id(), log);
            return runInfo(run);
        });
    }

    /** The configuration a stored run was trained with; null where the service will explain why there is none. */
    private RunConfig storedConfig(String id) {
        try {
            return service.store().config(Long.parseLong(id));
        } catch (NumberFormatException | StoreException e) {
            return null;
        }
    }

    @Override
    public void heartbeat(HeartbeatRequest request, StreamObserver<WorkerBeat> observer) {
        ServerCallStreamObserver<WorkerBeat> watcher = (ServerCallStreamObserver<WorkerBeat>) observer;
        watcher.setOnCancelHandler(() -> {
            synchronized (beatWatchers) {
                beatWatchers.remove(watcher);
            }
        });
        synchronized (beatWatchers) {
            beatWatchers.add(watcher);
            send(watcher, beatNow());
        }
    }

    private void beat() {
        synchronized (beatWatchers) {
            if (beatWatchers.isEmpty()) {
                return;
            }
            WorkerBeat beat = beatNow();
            beatWatchers.removeIf(w -> !send(w, beat));
        }
    }

    private WorkerBeat beatNow() {
        QueueReply q = queue();
        return WorkerBeat.newBuilder().setSentUnixMillis(System.currentTimeMillis())
                .addAllQueuedRunIds(q.getRunIdsList()).setQueueVersion(q.getQueueVersion()).build();
    }

    private static boolean send(ServerCallStreamObserver<WorkerBeat> watcher, WorkerBeat beat) {
        if (watcher.isCancelled()) {
            return false;
        }
        try {
            watcher.onNext(beat);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private QueueReply queue() {
        InProcessTrainingService.QueueState state = service.queueState();
        QueueReply.Builder b = QueueReply.newBuilder().setQueueVersion(state.version());
        state.runs().forEach(r -> b.addRunIds(r.id()));
        return b.build();
    }

    private RunHandle run(String id) {
        String checked = checkedId(id);
        for (RunHandle run : service.runs()) {
            if (run.id().equals(checked)) {
                return run;
            }
        }
        throw new NoSuchElementException("no run with id '" + id + "'");
    }

    private static String checkedId(String id) {
        if (id.isBlank()) {
            throw new IllegalArgumentException("run_id is empty");
        }
        return id;
    }

    private RunInfo runInfo(RunHandle run) {
        return RunInfo.newBuilder().setId(run.id()).setName(run.name())
                .setConfigJson(RunConfigJson.toJson(run.config())).setDirectory(run.directory().toString())
                .setState(Wire.state(run.status())).setStatusMessage(run.statusMessage())
                .setLane(service.laneOf(run).key()).build();
    }

    private static <T> void unary(StreamObserver<T> reply, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            reply.onError(Errors.toStatus(e));
            return;
        }
        reply.onNext(result);
        reply.onCompleted();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "";
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
        disk.close();
        synchronized (beatWatchers) {
            beatWatchers.forEach(w -> {
                try {
                    w.onCompleted();
                } catch (RuntimeException e) {
                    // already gone
                }
            });
            beatWatchers.clear();
        }
        service.close();
        spool.close();
    }
}
