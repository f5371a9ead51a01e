package org.ringlab.ui.worker;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.ringlab.service.TrainingService;
import org.ringlab.train.Failures;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.PendingAction;
import org.ringlab.ui.ServiceAddress;
import org.ringlab.ui.ServiceCalls;
import org.ringlab.ui.ServiceConnector;

/**
 * The training service the window talks to and the worker behind it: its health (asked a few times
 * a second, off the JavaFX thread), its device, restarting a dead worker, and connecting to a
 * service elsewhere. The other panes ask {@link #service()} at each call, so a connection switches
 * them all.
 */
public final class WorkerModel {
    /** How often the worker's health is asked. */
    static final long POLL_NANOS = 200_000_000L;

    public final PendingAction restart = new PendingAction("Restart worker", "Restarting…");
    public final StringProperty device = new SimpleStringProperty("");
    private final BooleanProperty alive = new SimpleBooleanProperty(true);
    private final ServiceCalls calls;
    private final ServiceConnector connector;
    private final MessageBar messages;
    private final Runnable connected;
    private TrainingService service;
    private boolean polling;
    private long lastPoll;

    /**
     * @param connector opens a remote service; null when connecting is not offered
     * @param connected told after the window switched to another service (on the JavaFX thread)
     */
    public WorkerModel(ServiceCalls calls, TrainingService service, ServiceConnector connector,
            MessageBar messages, Runnable connected) {
        this.calls = calls;
        this.service = service;
        this.connector = connector;
        this.messages = messages;
        this.connected = connected;
    }

    public TrainingService service() {
        return service;
    }

    /** False from the moment a poll found the worker dead until it answers again. */
    public ReadOnlyBooleanProperty aliveProperty() {
        return alive;
    }

    public boolean isAlive() {
        return alive.get();
    }

    /** Asks for the worker's health unless asked less than {@link #POLL_NANOS} ago or still asking. */
    public void poll(long now) {
        if (polling || now - lastPoll < POLL_NANOS) {
            return;
        }
        polling = true;
        lastPoll = now;
        TrainingService s = service;
        calls.call("worker", s::workerAlive, answer -> {
            polling = false;
            if (s == service) {
                watch(answer);
            }
        }, error -> polling = false);
    }

    /** Says at once when the worker died, and offers to start a fresh one. */
    private void watch(boolean answer) {
        if (answer == alive.get()) {
            return;
        }
        alive.set(answer);
        if (!answer) {
            messages.say("the training worker died; its runs are interrupted with their history kept. "
                    + "Restart worker, then Resume run");
        }
        messages.alert.set(!answer);
    }

    public void restart() {
        if (restart.isPending()) {
            return;
        }
        messages.say("starting a new worker…");
        restart.pending.set(true);
        TrainingService s = service;
        calls.run(ServiceCalls.SERVICE, s::restartWorker, () -> {
            restart.pending.set(false);
            messages.say("a new worker is running");
            showDevice();
        }, error -> {
            restart.pending.set(false);
            messages.fail("restart failed", error);
        });
    }

    public boolean canConnect() {
        return connector != null;
    }

    /** Connects to the address as typed ("host:port"); a malformed one is refused in one line. */
    public void connect(String address, String token) {
        if (connector == null) {
            messages.say("connecting is not available here");
            return;
        }
        ServiceAddress parsed;
        try {
            parsed = ServiceAddress.parse(address);
        } catch (IllegalArgumentException e) {
            messages.say("connect: " + e.getMessage());
            return;
        }
        connectTo(parsed, token);
    }

    /** Switches to the service at {@code address} once no run of the old one is in progress. */
    public void connectTo(ServiceAddress address, String token) {
        messages.say("connecting to " + address.host() + ":" + address.port() + "…");
        TrainingService old = service;
        calls.call("connect", () -> {
            if (old.runs().stream().anyMatch(r -> !r.status().isTerminal())) {
                throw new IllegalStateException("stop or finish the runs in progress first");
            }
            return connector.connect(address.host(), address.port(), token);
        }, remote -> {
            service = remote;
            alive.set(true);
            connected.run();
            // the runs trained so far stay listed with their history; the old service is let go
            calls.run("connect", old::close, () -> { }, error -> { });
            messages.say("connected to " + address.host() + ":" + address.port());
            showDevice();
        }, error -> messages.fail("connect", error));
    }

    /** Asks the service which device it trains on (loading the engine may take a moment). */
    public void showDevice() {
        device.set("…");
        TrainingService s = service;
        calls.call("device", s::describeDevice, device::set,
                error -> device.set("engine unavailable: " + Failures.describe(error).replace('\n', ' ')));
    }
}
