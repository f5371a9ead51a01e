package org.ringlab.remote;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * The worker's own log: one line per entry, stamped with the time, control characters escaped so
 * that nothing a client sent can forge or split a line. It goes to standard error, which a
 * launched worker writes to {@code worker.log}.
 */
final class WorkerLog implements Consumer<String> {
    private final Consumer<String> sink;

    WorkerLog(Consumer<String> sink) {
        this.sink = sink;
    }

    static WorkerLog standardError() {
        return new WorkerLog(System.err::println);
    }

    @Override
    public void accept(String text) {
        sink.accept(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " worker: " + oneLine(text));
    }

    static String oneLine(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
