package org.ringlab.ui.setup;

import org.ringlab.config.Setting;

/** The node ids of a setting's row: {@code #ringSizeField}, {@code #methodBox}, {@code #ringSizeLabel}. */
public final class SettingIds {

    private SettingIds() {
    }

    /** {@code camelCase(key)} + "Box" for choices and yes/no, + "Field" for text. */
    public static String editor(Setting<?> s) {
        return s.fieldName() + (s.isChoice() || s.isBoolean() ? "Box" : "Field");
    }

    public static String label(Setting<?> s) {
        return s.fieldName() + "Label";
    }
}
