package org.ringlab.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The settings tables in the docs are the registry's: regenerated, never edited by hand. */
class SettingsTableTest {

    @Test
    void checkedInTablesMatchTheRegistry() throws IOException {
        if (Boolean.getBoolean("ringlab.regenerate")) {
            SettingsTable.main(new String[] {"."});
        }
        for (String name : SettingsTable.FILES) {
            String text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
            assertEquals(SettingsTable.replaceTable(text, name), text,
                    name + ": the settings table is out of date; regenerate it with " + SettingsTable.REGENERATE);
        }
    }

    @Test
    void everySettingHasARow() {
        String table = SettingsTable.markdown();
        for (Setting<?> s : Settings.all()) {
            assertTrue(table.contains(s.key() + "` |"), s.key());
        }
        assertEquals(Settings.all().size() + 2, table.lines().count());
    }
}
