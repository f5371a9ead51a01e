package org.ringlab.nn.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The methods table in docs/methods.md is the registry's. When it is stale, regenerate it with
 * {@code ./mvnw -o test -Dtest=MethodsTableTest -Dringlab.writeDocs=true} (rewrites only the block
 * between the markers).
 */
class MethodsTableTest {
    private static final Path DOC = Path.of("docs", "methods.md");

    @Test
    void theCheckedInTableIsTheRegistrysTable() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated = MethodsTable.replaceIn(doc);
        if (Boolean.getBoolean("ringlab.writeDocs") && !generated.equals(doc)) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
            doc = generated;
        }
        assertEquals(generated, doc, "docs/methods.md's methods table is stale: regenerate it with ./mvnw -o test "
                + "-Dtest=MethodsTableTest -Dringlab.writeDocs=true");
    }

    @Test
    void onlyTheBlockBetweenTheMarkersIsReplaced() {
        String doc = "# Methods\n\nprose before\n" + MethodsTable.START + "\nold table\n" + MethodsTable.END
                + "\nprose after\n";
        String replaced = MethodsTable.replaceIn(doc);
        assertTrue(replaced.startsWith("# Methods\n\nprose before\n" + MethodsTable.START + "\n"), replaced);
        assertTrue(replaced.endsWith(MethodsTable.END + "\nprose after\n"), replaced);
        assertTrue(replaced.contains("| `pow2` | Power-of-two (INFERRED) |"), replaced);
        assertTrue(!replaced.contains("old table"), replaced);
        assertThrows(IllegalArgumentException.class, () -> MethodsTable.replaceIn("no markers here"));
    }
}
