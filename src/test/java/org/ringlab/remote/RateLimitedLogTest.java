package org.ringlab.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    @Test
    void atMostNLinesAMinuteThenACountOfTheRest() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000);
        RateLimitedLog log = new RateLimitedLog(lines::add, 3, now::get);
        for (int i = 0; i < 100; i++) {
            log.accept("bad request " + i);
        }
        assertEquals(List.of("bad request 0", "bad request 1", "bad request 2"), lines);

        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        log.accept("bad request 100");
        assertEquals(4, lines.size());
        assertTrue(lines.get(3).startsWith("bad request 100") && lines.get(3).contains("97 more"), lines.get(3));

        // a quiet minute starts afresh without a count
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        log.accept("bad request 101");
        assertEquals("bad request 101", lines.get(4));
    }

    @Test
    void theCountComesEvenWhenNoFurtherLineDoes() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(0);
        RateLimitedLog log = new RateLimitedLog(lines::add, 2, now::get);
        for (int i = 0; i < 10; i++) {
            log.accept("bad request " + i);
        }
        log.tick();
        assertEquals(2, lines.size(), "not before the minute is over");
        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        log.tick();
        log.tick();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).startsWith("8 more"), lines.get(2));
    }

    @Test
    void aLineNeverSpansTwo() {
        List<String> lines = new ArrayList<>();
        new WorkerLog(lines::add).accept("refused data /x\nforged line\u001b[31m");
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).endsWith("refused data /x\\u000aforged line\\u001b[31m"), lines.get(0));
    }
}
