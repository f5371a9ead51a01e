package org.ringlab.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ringlab.service.RunHandle;
import org.ringlab.service.TrainingService;
import org.ringlab.train.RunStatus;
import org.ringlab.train.TrainingListener;
import org.ringlab.ui.pacing.FrameGate;

/**
 * {@code -Dringlab.autorun=CONFIG.json}: the window loads that configuration into its setup panel
 * as Paste config would, presses Start, and quits when the run has ended. It lets a script time
 * the window training exactly what {@code ringlab train --config CONFIG.json} trains
 * ({@code scripts/window-throughput.sh}).
 *
 * <p>It reports on standard output, one line per event, each starting with {@value #PREFIX}:
 * {@code running <run id>} when training starts, then {@code fx-wait p50 <ms> p99 <ms> max <ms> over
 * <n> probes} (how long tasks waited for the JavaFX thread meanwhile, {@link FxThreadProbe}) and
 * {@code frames drawn <n> of <m> ticks under a drawing budget of <p> % of a core; drawing took <q> %
 * of a core} (how often the frame pump's {@link org.ringlab.ui.pacing.FrameGate} let it draw while
 * the run trained, and the CPU time of the JavaFX and renderer threads meanwhile) and
 * {@code ended <run id> <status> <run folder>}; or {@code error <reason>} when the file cannot be
 * used, after which the window quits as well.
 */
final class AutoRun implements TrainingListener {
    /** The system property that names the configuration. */
    static final String PROPERTY = "ringlab.autorun";
    static final String PREFIX = "autorun: ";
    /** How long Start may take to put the run on the service's list. */
    private static final long SUBMIT_TIMEOUT_MILLIS = 120_000;

    private final PrintStream out;
    private final Executor fx;
    private final Runnable quit;
    private RunHandle run;
    private volatile FrameGate frames;
    private long ticksAtStart;
    private long framesAtStart;
    private long drawingCpuAtStart;
    private final AtomicLong pulses = new AtomicLong();
    private long pulsesAtStart;
    private long wallAtStart;
    /** Watches the JavaFX thread while the run trains. */
    private FxThreadProbe probe;
    private boolean running;
    private boolean ended;

    /**
     * @param fx runs a task on the JavaFX thread
     * @param quit ends the application; called once, from any thread
     */
    AutoRun(PrintStream out, Executor fx, Runnable quit) {
        this.out = out;
        this.fx = fx;
        this.quit = quit;
    }

    /**
     * Reads the configuration on a background thread, then on {@code fx} loads it into the setup
     * and starts it; from there on this object follows the run until it ends.
     */
    void start(Path config, MainController controller, TrainingService service) {
        // a configuration that cannot be read never reaches the controller (tests pass none)
        frames = controller == null ? null : controller.frameGate();
        Thread reader = new Thread(() -> {
            String json;
            try {
                json = Files.readString(config, StandardCharsets.UTF_8);
            } catch (IOException e) {
                fail(config + ": cannot read it (" + e.getMessage() + ")");
                return;
            }
            fx.execute(() -> startOnFxThread(config, json, controller, service));
        }, "ringlab-autorun");
        reader.setDaemon(true);
        reader.start();
    }

    private void startOnFxThread(Path config, String json, MainController controller, TrainingService service) {
        String problem = controller.setup().pasteJson(json);
        if (problem == null && controller.setup().config() == null) {
            problem = String.join("; ", controller.setup().problems());
        }
        if (problem != null) {
            fail(config + ": " + problem.replace('\n', ' '));
            return;
        }
        int before = service.runs().size();
        controller.onStart();
        Thread follower = new Thread(() -> follow(() -> service.runs(), before), "ringlab-autorun");
        follower.setDaemon(true);
        follower.start();
    }

    /** Waits for the run Start added to the list (the call goes through a background lane), then listens to it. */
    void follow(Supplier<List<RunHandle>> runs, int before) {
        long deadline = System.currentTimeMillis() + SUBMIT_TIMEOUT_MILLIS;
        List<RunHandle> now = runs.get();
        while (now.size() <= before) {
            if (System.currentTimeMillis() > deadline) {
                fail("Start did not submit the run within " + SUBMIT_TIMEOUT_MILLIS / 1000 + " s");
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            now = runs.get();
        }
        synchronized (this) {
            run = now.get(now.size() - 1);
        }
        // listeners get only later events: the status read after joining covers what came before
        run.addListener(this);
        onStatus(run.status(), run.statusMessage());
    }

    @Override
    public void onStatus(RunStatus status, String message) {
        RunHandle r;
        synchronized (this) {
            r = run;
            if (r == null || ended) {
                return;
            }
            if (status == RunStatus.RUNNING && !running) {
                running = true;
                probe = new FxThreadProbe(fx);
                FrameGate gate = frames;
                if (gate != null) {
                    ticksAtStart = gate.budgetedTicks();
                    framesAtStart = gate.budgetedFrames();
                    drawingCpuAtStart = gate.drawingCpuNanos();
                    wallAtStart = System.nanoTime();
                    pulsesAtStart = pulses.get();
                }
            } else if (status.isTerminal()) {
                ended = true;
            } else {
                return;
            }
        }
        if (status == RunStatus.RUNNING) {
            say("running " + r.id());
            return;
        }
        String end = "ended " + r.id() + " " + status.id() + " " + r.directory().toAbsolutePath()
                + (status == RunStatus.FINISHED || message == null ? "" : " (" + message + ")");
        FxThreadProbe watched = closeProbe();
        if (watched != null) {
            say(String.format(Locale.ROOT, "fx-wait p50 %.1f ms p99 %.1f ms max %.1f ms over %d probes",
                    watched.percentileMillis(0.5), watched.percentileMillis(0.99), watched.percentileMillis(1),
                    watched.probes()));
        }
        FrameGate gate = frames;
        if (gate != null) {
            long ticks;
            long drawn;
            double drawing;
            long pulsed;
            synchronized (this) {
                pulsed = pulses.get() - pulsesAtStart;
                ticks = gate.budgetedTicks() - ticksAtStart;
                drawn = gate.budgetedFrames() - framesAtStart;
                drawing = (gate.drawingCpuNanos() - drawingCpuAtStart) / (double) (System.nanoTime() - wallAtStart);
            }
            say(String.format(Locale.ROOT, "frames drawn %d of %d ticks under a drawing budget of %.0f %% of a core;"
                    + " drawing took %.1f %% of a core; %d JavaFX pulses", drawn, ticks, 100 * gate.share(), 100 * drawing,
                    pulsed));
        }
        say(end);
        quit.run();
    }

    private synchronized FxThreadProbe closeProbe() {
        if (probe != null) {
            probe.close();
        }
        return probe;
    }

    /** Counts the window's JavaFX pulses (each lays out and renders what changed); JavaFX thread. */
    void pulsed() {
        pulses.incrementAndGet();
    }

    private void fail(String reason) {
        closeProbe();
        say("error " + reason);
        quit.run();
    }

    private void say(String line) {
        synchronized (out) {
            out.println(PREFIX + line);
            out.flush();
        }
    }
}
