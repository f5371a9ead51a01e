package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;
import org.ringlab.data.DataSets;
import org.ringlab.store.RunStore;
import org.ringlab.store.StoredRun;
import org.ringlab.store.StoredTraining;
import org.ringlab.train.EpochMetrics;
import org.ringlab.train.RunControl;
import org.ringlab.train.TrainingListener;

/**
 * Issue 12, item 4: a run trained with {@code train --workspace} is a run like any other for export,
 * export-all, export-data and compare, named by id (with --workspace) or by its folder, labelled by its
 * name, and read from the store where its folder lacks the files (a workspace recorded before them).
 */
class WorkspaceRunsExportTest {
    private static final Pattern SVG_TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    @TempDir
    static Path tmp;
    private static Path ws;

    @BeforeAll
    static void trainTwoTinyRunsIntoAWorkspace() {
        ws = tmp.resolve("ws");
        Cli.Result ring = Cli.run(Cli.tinyTrain(tmp.resolve("unused"), "--workspace", ws.toString(), "--name",
                "tiny ring", "--snapshot-every", "2"));
        assertEquals(0, ring.code(), ring.err());
        Cli.Result fp32 = Cli.run(Cli.tinyTrain(tmp.resolve("unused"), "--workspace", ws.toString(), "--method",
                "fp32"));
        assertEquals(0, fp32.code(), fp32.err());
    }

    @Test
    void theRunFolderHoldsMetricsStepsAndSnapshotsAsARunDirectoryDoes() throws IOException {
        Path run = ws.resolve("runs/1");
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals(2, metrics.size(), "header and one epoch: " + metrics);
        assertTrue(metrics.get(0).startsWith("epoch,step,train_loss,train_acc,test_acc_soft"), metrics.get(0));
        List<String> steps = Files.readAllLines(run.resolve("steps.csv"));
        try (RunStore store = RunStore.open(ws)) {
            StoredRun stored = store.load(1);
            assertEquals(stored.totalSteps() + 1, steps.size(), "one row per stored step");
            double soft = Double.parseDouble(metrics.get(1).split(",", -1)[4]);
            assertEquals(stored.epochs().get(0).testAccSoft(), soft, 1e-3, "metrics.csv says what the store says");
            long snapshots = Files.readAllLines(run.resolve("snapshots.jsonl")).stream().filter(l -> !l.isBlank())
                    .count();
            assertEquals(stored.snapshots().size(), snapshots);
            assertTrue(snapshots >= 2, "step 0 and the end at least");
        }
        assertTrue(Files.readString(run.resolve("run.json")).contains("\"finished\""));
    }

    @Test
    void aResumedRunsFolderHoldsItsWholeHistory() throws Exception {
        Path resumable = tmp.resolve("resumable");
        long id;
        try (RunStore store = RunStore.open(resumable)) {
            RunConfig config = RunConfigJson.read(ws.resolve("runs/1/config.json")).toBuilder().epochs(2).build();
            id = store.createRun(config, "stopped", "cpu");
            RunControl control = new RunControl();
            TrainingListener stopAfterOne = new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics epoch) {
                    control.stop();
                }
            };
            new StoredTraining(store).writingFolderFiles(true).train(id, DataSets.load(Path.of(config.data())),
                    control, stopAfterOne);
        }
        Cli.Result resume = Cli.run("resume", Long.toString(id), "--workspace", resumable.toString());
        assertEquals(0, resume.code(), resume.err());
        Path run = resumable.resolve("runs").resolve(Long.toString(id));
        try (RunStore store = RunStore.open(resumable)) {
            StoredRun stored = store.load(id);
            assertEquals(2, stored.epochs().size());
            assertEquals(3, Files.readAllLines(run.resolve("metrics.csv")).size(), "header and both epochs");
            assertEquals(stored.totalSteps() + 1, Files.readAllLines(run.resolve("steps.csv")).size(),
                    "the steps before the resume are kept in steps.csv too");
        }
    }

    @Test
    void exportDrawsWorkspaceRunsByIdOrFolderUnderTheirNames() throws IOException {
        Path byId = tmp.resolve("by-id.svg");
        Cli.Result r = Cli.run("export", "--workspace", ws.toString(), "--run", "1", "--run", "2", "--figure",
                "accuracy", "--format", "svg", "--out", byId.toString());
        assertEquals(0, r.code(), r.err());
        List<String> texts = texts(byId);
        assertTrue(texts.contains("tiny ring") && texts.contains("FP32"), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains(ws.toString()) || t.matches("(run )?[12]( / .*)")),
                "a database id or a folder as a label: " + texts);

        Path table = tmp.resolve("table.svg");
        r = Cli.run("export", "--run", ws.resolve("runs/1").toString(), "--run", ws.resolve("runs/2").toString(),
                "--figure", "comparison", "--format", "svg", "--out", table.toString());
        assertEquals(0, r.code(), r.err());
        List<String> cells = texts(table);
        assertTrue(cells.contains("tiny ring") && cells.contains("FP32"), cells.toString());

        Path ring = tmp.resolve("ring.svg");
        r = Cli.run("export", "--run", ws.resolve("runs/1").toString(), "--figure", "ring", "--format", "svg",
                "--out", ring.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(ring) > 1000);
    }

    @Test
    void exportDataCompareAndExportAllNameWorkspaceRunsByName() throws IOException {
        Cli.Result data = Cli.run("export-data", "--workspace", ws.toString(), "--run", "1", "--run", "2", "--format",
                "csv", "--table", "comparison");
        assertEquals(0, data.code(), data.err());
        assertEquals(List.of("tiny ring", "mlp fp32"), firstCells(data.out()));

        Cli.Result compare = Cli.run("compare", "--run", ws.resolve("runs/1").toString(), "--run",
                ws.resolve("runs/2").toString(), "--format", "csv");
        assertEquals(0, compare.code(), compare.err());
        assertEquals(data.out(), compare.out(), "by folder as by id");
        Cli.Result whole = Cli.run("compare", "--workspace", ws.toString(), "--format", "csv");
        assertEquals(0, whole.code(), whole.err());
        assertEquals(List.of("tiny ring", "mlp fp32"), firstCells(whole.out()), "every run of the workspace");

        Cli.Result tidy = Cli.run("export-data", "--workspace", ws.toString(), "--run", "2", "--format", "csv");
        assertEquals(0, tidy.code(), tidy.err());
        assertTrue(tidy.out().lines().skip(1).allMatch(l -> l.startsWith("mlp fp32,")), tidy.out());

        Path out = tmp.resolve("all");
        Cli.Result all = Cli.run("export-all", "--workspace", ws.toString(), "--run", "1", "--out-dir",
                out.toString(), "--formats", "svg", "--no-gif");
        assertEquals(0, all.code(), all.err());
        assertTrue(Files.isRegularFile(out.resolve("accuracy.svg")));
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("tiny-ring-") && n.endsWith("-ring.svg")),
                    "per-layer figures are named by the run's name: " + names);
        }
    }

    @Test
    void aRunWhoseFolderLacksTheFilesIsReadFromTheStore() throws IOException {
        Path old = tmp.resolve("old-ws");
        copy(ws, old);
        for (String file : new String[] {"metrics.csv", "steps.csv", "snapshots.jsonl", "run.json"}) {
            Files.delete(old.resolve("runs/1").resolve(file));
        }
        String[] table = {"--run", "1", "--run", "2", "--format", "csv", "--table", "comparison", "--digits", "4"};
        Cli.Result fromFiles = Cli.run(concat(new String[] {"export-data", "--workspace", ws.toString()}, table));
        assertEquals(0, fromFiles.code(), fromFiles.err());
        Cli.Result fromStore = Cli.run(concat(new String[] {"export-data", "--workspace", old.toString()}, table));
        assertEquals(0, fromStore.code(), fromStore.err());
        assertEquals(fromFiles.out(), fromStore.out());

        Path loss = tmp.resolve("old-loss.svg");
        Cli.Result r = Cli.run("export", "--run", old.resolve("runs/1").toString(), "--figure", "loss", "--format",
                "svg", "--out", loss.toString(), "--raw");
        assertEquals(0, r.code(), r.err());
        Path ring = tmp.resolve("old-ring.svg");
        r = Cli.run("export", "--workspace", old.toString(), "--run", "1", "--figure", "ring", "--format", "svg",
                "--out", ring.toString());
        assertEquals(0, r.code(), "the snapshots come from the store: " + r.err());
    }

    @Test
    void aRunThatIsNotThereIsOneLine() {
        String missing = Cli.run("export-data", "--workspace", ws.toString(), "--run", "9", "--format", "csv")
                .assertUsageError();
        assertTrue(missing.contains("no run 9"), missing);
        String noWorkspace = Cli.run("compare", "--run", "1").assertUsageError();
        assertTrue(noWorkspace.contains("--workspace"), noWorkspace);
        String notOne = Cli.run("export", "--workspace", tmp.resolve("nothing").toString(), "--run", "1", "--figure",
                "accuracy", "--format", "svg", "--out", tmp.resolve("x.svg").toString()).assertUsageError();
        assertTrue(notOne.contains("not a workspace"), notOne);
        assertFalse(Files.exists(tmp.resolve("nothing")), "a refused export created a workspace");
    }

    private static List<String> firstCells(String csv) {
        return csv.lines().skip(1).map(l -> l.startsWith("\"") ? l.substring(1, l.indexOf('"', 1))
                : l.substring(0, l.indexOf(','))).toList();
    }

    private static List<String> texts(Path svg) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = SVG_TEXT.matcher(Files.readString(svg, StandardCharsets.UTF_8));
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").strip());
        }
        return out;
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
