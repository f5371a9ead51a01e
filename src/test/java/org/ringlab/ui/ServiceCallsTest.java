package org.ringlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Calls on one lane keep their order, lanes do not wait for each other, failures arrive unwrapped. */
class ServiceCallsTest {
    @Test
    void callsOnOneLaneRunInOrderAndOtherLanesDoNotWait() throws Exception {
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reported = new CountDownLatch(3);
        try (ServiceCalls calls = ServiceCalls.background(Runnable::run)) {
            calls.run("run:1", () -> {
                await(release);
                done.add("pause");
            }, reported::countDown, e -> { });
            calls.run("run:1", () -> done.add("stop"), reported::countDown, e -> { });
            calls.run("run:2", () -> done.add("other run"), reported::countDown, e -> { });
            assertTrue(waitFor(() -> done.contains("other run")), "another lane runs while run:1 waits");
            assertEquals(List.of("other run"), done, "stop waits for the pause before it");
            assertTrue(calls.busy("run:1"));
            release.countDown();
            assertTrue(reported.await(5, TimeUnit.SECONDS));
            assertEquals(List.of("other run", "pause", "stop"), done);
            assertTrue(waitFor(() -> !calls.busy("run:1")));
        }
    }

    @Test
    void aFailureArrivesAsWhatTheCallThrewAndTheLaneGoesOn() {
        ServiceCalls calls = ServiceCalls.direct();
        List<Object> seen = new CopyOnWriteArrayList<>();
        calls.call("service", () -> {
            throw new IOException("the worker is unreachable");
        }, seen::add, seen::add);
        calls.call("service", () -> 42, seen::add, seen::add);
        assertEquals(2, seen.size());
        assertTrue(seen.get(0) instanceof IOException, String.valueOf(seen.get(0)));
        assertEquals("the worker is unreachable", ((IOException) seen.get(0)).getMessage());
        assertEquals(42, seen.get(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
