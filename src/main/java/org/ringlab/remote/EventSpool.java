package org.ringlab.remote;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where this worker's {@link RunEventLog}s keep the events that left memory: one file per log in
 * {@code <workspace>/.worker-events/<pid>/}, on the same disk as the runs. The folder lives as
 * long as the worker; folders that dead workers left behind are removed at start.
 */
final class EventSpool implements AutoCloseable {
    static final String FOLDER = ".worker-events";

    private final Path dir;
    private final RunEventLog.Window window;
    private final Consumer<String> log;
    private final AtomicLong next = new AtomicLong();

    EventSpool(Path workspace, RunEventLog.Window window, Consumer<String> log) {
        this.window = window;
        this.log = log;
        Path parent = workspace.resolve(FOLDER);
        this.dir = parent.resolve(Long.toString(ProcessHandle.current().pid()));
        removeDeadWorkers(parent);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            // each log then keeps its events in memory and says so once
            log.accept("cannot create the event spool folder " + dir + " (" + e.getMessage() + ")");
        }
    }

    RunEventLog newLog() {
        return new RunEventLog(dir.resolve("log-" + next.incrementAndGet() + ".events"), window, log);
    }

    private void removeDeadWorkers(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent)) {
            for (Path folder : folders) {
                long pid;
                try {
                    pid = Long.parseLong(folder.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                deleteTree(folder);
            }
        } catch (IOException e) {
            log.accept("cannot clean up " + parent + " (" + e.getMessage() + ")");
        }
    }

    private void deleteTree(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.accept("cannot remove " + folder + " (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        deleteTree(dir);
        try {
            Files.deleteIfExists(dir.getParent());
        } catch (IOException e) {
            // another worker's spool is still there
        }
    }
}
