package org.ringlab.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;

/** Reading the sweep dialog's grid fields: comma-separated numbers and the ticked boxes. */
final class GridFields {
    private GridFields() {
    }

    static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        return f;
    }

    static List<String> selected(Map<String, CheckBox> boxes) {
        return boxes.entrySet().stream().filter(e -> e.getValue().isSelected()).map(Map.Entry::getKey).toList();
    }

    static <T> List<T> list(TextField field, String what, Function<String, T> parse, List<String> errors) {
        List<T> values = new ArrayList<>();
        for (String part : field.getText().split(",", -1)) {
            if (part.isBlank()) {
                continue;
            }
            try {
                values.add(parse.apply(part.strip()));
            } catch (NumberFormatException e) {
                errors.add(what + ": '" + part.strip() + "' is not a whole number");
            }
        }
        return values;
    }
}
