package org.ringlab.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference in the code and the docs points to a document in this repository: nothing cites
 * the external quantization spec any more (its formulas are described in docs/methods/), every
 * {@code docs/….md} path named in the main code exists (with its {@code #anchor}, if given), and every
 * relative Markdown link in docs/ and the README resolves.
 */
class DocReferencesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** The external spec's file name and its section citations; the docs in docs/methods replace both. */
    private static final Pattern EXTERNAL_SPEC = Pattern.compile("quantization-methods|spec §");

    private static final Pattern DOC_PATH = Pattern.compile("docs/[A-Za-z0-9_./-]*?\\.md(#[A-Za-z0-9_-]+)?");

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$", Pattern.MULTILINE);

    /** GitHub's heading slug drops everything but letters, digits, spaces, hyphens and underscores. */
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{N} _-]", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "fxml", "css", "md", "properties", "json",
            "txt", "proto");

    private final Map<Path, Set<String>> anchorCache = new HashMap<>();

    @Test
    void nothingCitesTheExternalSpec() {
        List<String> found = new ArrayList<>();
        List<Path> files = new ArrayList<>(textFiles(ROOT.resolve("src/main")));
        files.addAll(markdownFiles());
        for (Path file : files) {
            forEachLine(file, (no, line) -> {
                if (EXTERNAL_SPEC.matcher(line).find()) {
                    found.add(where(file, no) + line.strip());
                }
            });
        }
        assertTrue(found.isEmpty(), "these cite the external spec instead of docs/methods/ "
                + "(run the reference rewrite, then regenerate the generated tables):\n" + String.join("\n", found));
    }

    @Test
    void docsNamedInTheMainCodeExist() {
        List<String> broken = new ArrayList<>();
        for (Path file : textFiles(ROOT.resolve("src/main"))) {
            forEachLine(file, (no, line) -> {
                Matcher m = DOC_PATH.matcher(line);
                while (m.find()) {
                    String problem = problemWith(ROOT, m.group());
                    if (problem != null) {
                        broken.add(where(file, no) + problem);
                    }
                }
            });
        }
        assertTrue(broken.isEmpty(), "docs named in src/main that are not in the repository:\n"
                + String.join("\n", broken));
    }

    @Test
    void markdownLinksResolve() {
        List<String> broken = new ArrayList<>();
        for (Path file : markdownFiles()) {
            forEachLine(file, (no, line) -> {
                Matcher m = MARKDOWN_LINK.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                        continue; // a URL (https:, mailto:): not a document of this repository
                    }
                    String problem = target.startsWith("#")
                            ? anchorProblem(file, target.substring(1))
                            : problemWith(file.getParent(), target);
                    if (problem != null) {
                        broken.add(where(file, no) + problem);
                    }
                }
            });
        }
        assertTrue(broken.isEmpty(), "Markdown links that do not resolve:\n" + String.join("\n", broken));
    }

    @Test
    void theCheckerSeesAMissingDocAndAMissingAnchor() {
        // the rules above must be able to fail: a made-up file and a made-up anchor are both caught
        assertNotNull(problemWith(ROOT, "docs/methods/no-such-page.md"));
        assertNotNull(problemWith(ROOT, "docs/methods/ring.md#no-such-anchor"));
        assertNull(problemWith(ROOT, "docs/methods/ring.md#soft-weights"));
        assertNull(problemWith(ROOT, "docs/methods.md#bit-accounting-bitsjson"));
        assertTrue(EXTERNAL_SPEC.matcher("see spec §2.3").find());
        assertEquals("bit-accounting-bitsjson", slug("Bit accounting: `bits.json`"));
    }

    /** Null when {@code reference} (a path, possibly with #anchor) resolves against {@code base}. */
    private String problemWith(Path base, String reference) {
        int hash = reference.indexOf('#');
        String path = hash < 0 ? reference : reference.substring(0, hash);
        Path target = base.resolve(path).normalize();
        if (!Files.exists(target)) {
            return reference + ": no such file";
        }
        if (hash < 0 || !target.toString().endsWith(".md")) {
            return null;
        }
        String problem = anchorProblem(target, reference.substring(hash + 1));
        return problem == null ? null : reference + ": " + problem;
    }

    private String anchorProblem(Path markdown, String anchor) {
        return anchors(markdown).contains(anchor) ? null
                : "no anchor #" + anchor + " in " + ROOT.relativize(markdown.toAbsolutePath());
    }

    /** Explicit {@code <a id>} anchors and GitHub's heading slugs, with its -1, -2 … for repeats. */
    private Set<String> anchors(Path markdown) {
        return anchorCache.computeIfAbsent(markdown.toAbsolutePath().normalize(), p -> {
            String text = read(p);
            Set<String> ids = new HashSet<>();
            Matcher a = EXPLICIT_ANCHOR.matcher(text);
            while (a.find()) {
                ids.add(a.group(1));
            }
            Map<String, Integer> seen = new HashMap<>();
            Matcher h = HEADING.matcher(withoutFencedCode(text));
            while (h.find()) {
                String s = slug(h.group(1));
                int n = seen.merge(s, 1, Integer::sum);
                ids.add(n == 1 ? s : s + "-" + (n - 1));
            }
            return ids;
        });
    }

    private static String slug(String heading) {
        return NOT_IN_SLUG.matcher(heading.strip().toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    private static String withoutFencedCode(String text) {
        return text.replaceAll("(?ms)^```.*?^```", "");
    }

    private static List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(ROOT.resolve("README.md"));
        return files;
    }

    private static List<Path> textFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                return dot > 0 && TEXT_EXTENSIONS.contains(name.substring(dot + 1));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface LineVisitor {
        void visit(int number, String line);
    }

    private static void forEachLine(Path file, LineVisitor visitor) {
        String[] lines = read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            visitor.visit(i + 1, lines[i]);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(Path file, int line) {
        return ROOT.relativize(file.toAbsolutePath()) + ":" + line + ": ";
    }
}
