package org.ringlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringlab.config.Method;
import org.ringlab.config.ModelKind;
import org.ringlab.train.RunStatus;

/** The Python snippets of docs/run-store.md, run as written against a store the tests recorded. */
class DocumentedSnippetsTest {

    private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    @Test
    void thePythonSnippetsReadAStore(@TempDir Path ws) throws Exception {
        Path doc = Path.of(System.getProperty("ringlab.repo", ".")).resolve("docs/run-store.md");
        List<String> blocks = new ArrayList<>();
        Matcher m = PYTHON_BLOCK.matcher(Files.readString(doc));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(2, blocks.size(), "the standard-library and the pandas snippet");
        try (RunStore store = RunStore.open(ws)) {
            long ring = store.createRun(RunStoreTest.CONFIG, "ring run", "cpu");
            try (StoreRecorder r = store.recorder(ring)) {
                RunStoreTest.record(r, 2);
                r.onStatus(RunStatus.FINISHED, "finished");
            }
            long fp32 = store.createRun(RunStoreTest.CONFIG.toBuilder().model(ModelKind.MLP).method(Method.FP32).build(),
                    "fp32 run", "cpu");
            try (StoreRecorder r = store.recorder(fp32)) {
                r.onStatus(RunStatus.RUNNING, "training");
                r.onEpoch(new org.ringlab.train.EpochMetrics(1, 10, 0.5, 80, 85, Double.NaN, Double.NaN, 1e-3, 1e3, 1,
                        1));
            }
        }
        String db = ws.resolve(RunStore.DATABASE).toString();

        String plain = python(blocks.get(0), db, "python3");
        assumeTrue(plain != null, "no python3 on this machine");
        assertTrue(plain.contains("run 1 'ring run': lenet ring, finished"), plain);
        assertTrue(plain.contains("  epoch 2: soft 62.00%, snapped 42.00%"), plain);
        assertTrue(plain.contains("  20 steps, last loss 0.1"), plain);
        assertTrue(plain.contains("  step 20 conv1: slots [3, 4, 1, 2, 0, 1, 2, 3], entropy 1.500 bits"), plain);
        assertTrue(plain.contains("run 2 'fp32 run': mlp fp32, running") && plain.contains("soft 85.00%, snapped -"),
                plain);

        // pandas may live only in the system interpreter (Debian's python3-pandas)
        String withPandas = null;
        for (String interpreter : List.of("python3", "/usr/bin/python3")) {
            if (withPandas == null && python("import pandas", db, interpreter) != null) {
                withPandas = python(blocks.get(1), db, interpreter);
                assertTrue(withPandas != null, "the pandas snippet failed");
            }
        }
        System.out.println(plain + (withPandas == null ? "(pandas not installed: its snippet was not run)" : withPandas));
        if (withPandas != null) {
            assertTrue(withPandas.contains("ring run") && withPandas.contains("62.0"), withPandas);
        }
    }

    /** The script's output, or null when the interpreter is missing or the script fails. */
    private static String python(String script, String db, String interpreter) throws InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(interpreter, "-", db).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        try {
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            if (p.exitValue() != 0 && !script.equals("import pandas")) {
                throw new AssertionError(interpreter + " failed on the documented snippet:\n" + out);
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }
}
