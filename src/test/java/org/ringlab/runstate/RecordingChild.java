package org.ringlab.runstate;

import java.nio.file.Path;
import org.ringlab.train.RunRecorder;
import org.ringlab.train.RunStatus;

/** A process that records a run folder as `ringlab train` does, marks it running and hangs on. */
public final class RecordingChild {
    private RecordingChild() {
    }

    public static void main(String[] args) throws Exception {
        RunRecorder recorder = new RunRecorder(Path.of(args[0]));
        recorder.onStatus(RunStatus.RUNNING, "training");
        Thread.sleep(120_000);
    }
}
