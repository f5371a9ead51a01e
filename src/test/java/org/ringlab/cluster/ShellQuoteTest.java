package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every argument reaches the remote shell as exactly one word, whatever it holds. */
class ShellQuoteTest {
    private static final List<String> AWKWARD = List.of("plain", "with space", "it's", "$HOME", "a;b", "`id`",
            "\"dq\"", "line\nbreak", "", "*", "--gres=gpu:a100:1", "back\\slash", "~/x", "'");

    @Test
    void safeWordsStayBare() {
        assertEquals("ringlab-cli/bin/ringlab sweep --gres=gpu:1 0-3%2", ShellQuote.join(
                List.of("ringlab-cli/bin/ringlab", "sweep", "--gres=gpu:1", "0-3%2")));
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
        assertEquals("''", ShellQuote.quote(""));
    }

    /** The quoted line run by a real sh gives back the same arguments, one per line. */
    @Test
    void shReadsBackEveryArgument() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("printf", "%s\\0"));
        args.addAll(AWKWARD);
        Process p = new ProcessBuilder("sh", "-c", ShellQuote.join(args)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        List<String> back = List.of(out.split("\0", -1)).subList(0, AWKWARD.size());
        assertEquals(AWKWARD, back);
    }
}
