package org.ringlab.ui.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringlab.ui.MessageBar;
import org.ringlab.ui.ScriptedService;
import org.ringlab.ui.ServiceCalls;

/** The worker pane's rules without a window: health, restart, device line, connecting elsewhere. */
class WorkerModelTest {
    private static final long SECOND = 1_000_000_000L;
    private final ScriptedService service = new ScriptedService();
    private final ScriptedService remote = new ScriptedService();
    private final MessageBar messages = new MessageBar();
    private final List<String> dialled = new ArrayList<>();
    private int connections;
    private final WorkerModel model = new WorkerModel(ServiceCalls.direct(), service, (host, port, token) -> {
        dialled.add(host + ":" + port + " " + token);
        return remote;
    }, messages, () -> connections++);

    @Test
    void aDeadWorkerIsSaidAtOnceAndItsRestartIsOffered() {
        model.poll(SECOND);
        assertTrue(model.isAlive());
        service.alive = false;
        model.poll(SECOND + WorkerModel.POLL_NANOS);
        assertFalse(model.isAlive());
        assertTrue(messages.alert.get());
        assertTrue(messages.text().startsWith("the training worker died"), messages.text());
        List<String> seen = new ArrayList<>();
        service.during = () -> seen.add(model.restart.text());
        model.restart();
        assertTrue(seen.contains("Restarting…"), seen.toString());
        assertEquals("a new worker is running", messages.text());
        assertEquals("cpu (scripted)", model.device.get(), "the new worker's device is asked");
        model.poll(SECOND + 2 * WorkerModel.POLL_NANOS);
        assertTrue(model.isAlive());
        assertFalse(messages.alert.get());
    }

    @Test
    void aFailedRestartIsOneLine() {
        service.failing.put("restart", new IllegalStateException("no java on the worker"));
        model.restart();
        assertEquals("restart failed: no java on the worker", messages.text());
        assertFalse(model.restart.isPending());
    }

    @Test
    void theDeviceLineSaysWhenTheEngineIsUnavailable() {
        model.showDevice();
        assertEquals("cpu (scripted)", model.device.get());
        service.failing.put("device", new IllegalStateException("no libtorch\nfor this CPU"));
        model.showDevice();
        assertEquals("engine unavailable: no libtorch for this CPU", model.device.get());
    }

    @Test
    void aMalformedAddressIsRefusedBeforeAnythingIsDialled() {
        model.connect("localhost", "t");
        assertTrue(messages.text().startsWith("connect: write the address as host:port"), messages.text());
        model.connect("localhost:99999", "t");
        assertEquals("connect: port 99999 is outside 1..65535", messages.text());
        assertTrue(dialled.isEmpty());
        assertSame(service, model.service());
    }

    @Test
    void connectingSwitchesEveryPaneToTheRemoteServiceAndLetsTheOldOneGo() {
        model.connect(" 10.0.0.5:50051 ", "secret");
        assertEquals(List.of("10.0.0.5:50051 secret"), dialled);
        assertSame(remote, model.service());
        assertEquals(1, connections);
        assertTrue(service.closed);
        assertEquals("connected to 10.0.0.5:50051", messages.text());
    }

    @Test
    void withoutAConnectorConnectingIsNotOffered() {
        WorkerModel local = new WorkerModel(ServiceCalls.direct(), service, null, messages, () -> { });
        assertFalse(local.canConnect());
        local.connect("127.0.0.1:50051", "");
        assertEquals("connecting is not available here", messages.text());
    }
}
