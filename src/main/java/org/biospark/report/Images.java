package org.biospark.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.biospark.plot.Charts;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The report's figures, written as PNG files under {@code img/} beside its pages. PNG rather than SVG: XChart's SVG
 * export needs VectorGraphics2D, which the project leaves out, and a raster of a fixed size keeps a page of
 * thousands of points as light to open as one of ten.
 */
final class Images {
    static final String DIRECTORY = "img";
    private final Path dir;
    private int count;

    Images(Path reportDirectory) throws IOException {
        this.dir = Files.createDirectories(reportDirectory.resolve(DIRECTORY));
    }

    /** Writes {@code chart}; returns its path relative to the report's pages. */
    String save(Chart<?, ?> chart, String name) throws IOException {
        return save(Charts.image(chart), name);
    }

    String save(BufferedImage image, String name) throws IOException {
        String file = String.format(Locale.ROOT, "%04d-%s.png", ++count, slug(name));
        ImageIO.write(image, "png", dir.resolve(file).toFile());
        return DIRECTORY + "/" + file;
    }

    /** How many figures were written. */
    int count() {
        return count;
    }

    /** A name safe in a file name and a URL, short. */
    static String slug(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
