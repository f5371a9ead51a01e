package org.ringlab.figures;

import java.util.Locale;

/** The two ways a ring animation is written: a looping GIF for slides, an H.264 MP4 at 1080p for projectors. */
public enum AnimationFormat {
    GIF,
    MP4;

    /** The file extension and the name on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming {@code text} and the choices when it is neither
     */
    public static AnimationFormat parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (AnimationFormat f : values()) {
            if (f.id().equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException(text + ": expected gif or mp4");
    }
}
