package org.ringlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ringlab.figures.AnimationFormat;
import org.ringlab.figures.FigureSize;
import org.ringlab.figures.RingAnimation;
import org.ringlab.figures.RunData;
import org.ringlab.store.RunRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ringlab animate}: one layer's ring over every snapshot of a run, as a GIF or an MP4 video. */
@Command(name = "animate", mixinStandardHelpOptions = true,
        description = "Animate one layer's ring over every position snapshot of a run, one frame per snapshot: an "
            + "animated GIF (3.5 × 2.6 in at 150 dpi, loops in any slide program) or an MP4 video (H.264, 1920×1080, "
            + "for a projector or a video player).")
final class AnimateCommand implements Callable<Integer> {
    @Mixin
    RunArguments runs = new RunArguments();

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "gif or mp4.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Option(names = "--layer", paramLabel = "NAME", description = "The layer (default: the first).")
    String layer;

    @Option(names = "--frame-ms", defaultValue = "200", paramLabel = "MS",
            description = "How long each snapshot shows, 20..10000 ms (default ${DEFAULT-VALUE}).")
    int frameMillis;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        AnimationFormat kind;
        try {
            kind = AnimationFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UserError("--format " + e.getMessage(), e);
        }
        if (frameMillis < 20 || frameMillis > 10_000) {
            throw new UserError("--frame-ms " + frameMillis + ": expected 20..10000 ms");
        }
        List<RunRef> refs = runs.refs();
        if (refs.size() != 1) {
            throw new UserError("--run: animate takes one run, " + refs.size() + " were given");
        }
        RunData data = RunArguments.figureData(refs).get(0);
        int frames;
        try {
            frames = kind == AnimationFormat.MP4 ? RingAnimation.writeMp4(data, layer, frameMillis, out)
                    : RingAnimation.writeGif(data, layer, FigureSize.of(FigureSize.SINGLE_COLUMN, null,
                            FigureSize.MIN_DPI), frameMillis, out);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        String pixels = kind == AnimationFormat.MP4 ? RingAnimation.VIDEO_SIZE.widthPixels() + "×"
                + RingAnimation.VIDEO_SIZE.heightPixels() + " H.264" : "GIF";
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%s, %d frames, %d ms each)%n", out, pixels, frames,
                frameMillis);
        return 0;
    }
}
