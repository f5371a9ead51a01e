package org.ringlab.ui.setup;

import org.ringlab.config.Setting;

/** The node ids of a setting's row: {@code #ringSizeField}, {@code #methodBox}, {@code #ringSizeLabel}. */
public final class SettingIds {

    private SettingIds() {
    }

    /** {@code camelCase(key)} + "Box" for choices and yes/no, + "Field" for text. */
    public static String editor(Setting<?> s) {
        return camelCase(s.key()) + (s.isChoice() || s.isBoolean() ? "Box" : "Field");
    }

    public static String label(Setting<?> s) {
        return camelCase(s.key()) + "Label";
    }

    /** "ring-size" to "ringSize". */
    static String camelCase(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("-", -1)) {
            out.append(out.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
