package org.ringlab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchExportTest {

    @Test
    void writesEveryFigureOfEveryRunInEveryFormatAndAnAnimation(@TempDir Path tmp) throws Exception {
        List<RunData> runs = List.of(RunData.read(TinyRuns.write(tmp.resolve("a"), 1, 50, 70, 80)),
                RunData.read(TinyRuns.write(tmp.resolve("b"), 2, 52, 71, 82)));
        Path out = tmp.resolve("figures");
        List<Path> files = BatchExport.write(runs, EnumSet.of(FigureFormat.SVG, FigureFormat.PNG),
                FigureSize.of(3.5, null, 150), Set.of(AnimationFormat.GIF), out);
        // 3 curves and the comparison table × 2 formats, and per run 2 layers × (ring + histogram) ×
        // 2 formats + 2 GIFs
        assertEquals(4 * 2 + 2 * (2 * 2 * 2 + 2), files.size());
        String table = Files.readString(out.resolve("comparison.svg"));
        assertTrue(table.contains("Snapped+BN") && table.contains("±"), "table text stays text");
        assertTrue(!table.contains("<image"), "no bitmap in the vector table");
        for (Path f : files) {
            assertTrue(Files.size(f) > 0, f.toString());
        }
        Path gif = out.resolve("a-fc1-ring.gif");
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertEquals(2, reader.getNumImages(true), "one frame per snapshot");
        }
    }
}
