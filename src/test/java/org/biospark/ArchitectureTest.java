package org.biospark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The kernels and the io layer stay free of Spark and Hadoop, so they run and test anywhere. */
class ArchitectureTest {
    private static final List<String> PURE_PACKAGES = List.of("align", "geneset", "io", "plot", "sumrange");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import\\s+(static\\s+)?(org\\.apache\\.spark|org\\.apache\\.hadoop|scala)\\.", Pattern.MULTILINE);

    @Test
    void kernelsAndIoImportNothingFromSparkOrHadoop() throws IOException {
        Path main = Path.of("src/main/java/org/biospark");
        int checked = 0;
        for (String pkg : PURE_PACKAGES) {
            Path dir = main.resolve(pkg);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    assertTrue(!FORBIDDEN.matcher(source).find(), file + " imports Spark, Hadoop or Scala");
                    checked++;
                }
            }
        }
        assertTrue(checked > 0, "no source files found under " + main.toAbsolutePath());
    }

    @Test
    void theRuleDetectsASparkImport() {
        assertTrue(FORBIDDEN.matcher("package x;\nimport org.apache.spark.sql.Row;\n").find());
        assertTrue(FORBIDDEN.matcher("import static org.apache.hadoop.fs.Path.x;\n").find());
        assertEquals(false, FORBIDDEN.matcher("import java.util.List; // org.apache.spark\n").find());
    }
}
