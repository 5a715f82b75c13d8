package org.biospark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The dependency rules that keep the layout readable, checked on the sources:
 * <ul>
 * <li>the kernels ({@code align}, {@code geneset}, {@code sumrange}, {@code scaling}, {@code plot}) and {@code io}
 * import nothing from Spark, Hadoop or Scala, and nothing of the pipelines or the command line, so they run and test
 * anywhere;</li>
 * <li>{@code spark.run}, the plumbing every job shares, imports no pipeline;</li>
 * <li>no pipeline ({@code spark.align}, {@code spark.gsea}, ...) imports another, nor the notebook-facing
 * {@code spark} package above them, nor the command line;</li>
 * <li>{@code report} reads the pipelines' runs and is used by the command line alone;</li>
 * <li>no source file is longer than {@value #MAX_LINES} lines, but for the exceptions named with their reason.</li>
 * </ul>
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/biospark");
    private static final List<String> PURE_PACKAGES = List.of("align", "geneset", "io", "plot", "scaling", "sumrange");
    private static final String SPARK = "org.biospark.spark";
    private static final String RUN = SPARK + ".run";
    private static final Pattern FOREIGN = Pattern.compile(
            "^import\\s+(static\\s+)?(org\\.apache\\.spark|org\\.apache\\.hadoop|scala)\\.", Pattern.MULTILINE);
    /** A reference to a biospark package, imported or written out in the code. */
    private static final Pattern BIOSPARK_REFERENCE = Pattern.compile("\\b(org\\.biospark(?:\\.[a-z]\\w*)*)\\.[A-Z*]");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

    static final int MAX_LINES = 300;
    /** Longer files, each with the reason it stays whole. */
    static final Map<String, String> LONG_FILES = Map.of();

    @Test
    void kernelsAndIoImportNothingFromSparkHadoopOrTheLayersAbove() throws IOException {
        int checked = 0;
        for (String pkg : PURE_PACKAGES) {
            for (Source source : sources(MAIN.resolve(pkg))) {
                assertFalse(FOREIGN.matcher(source.text()).find(), source.path() + " imports Spark, Hadoop or Scala");
                for (String used : source.packagesUsed()) {
                    assertFalse(used.startsWith(SPARK) || used.startsWith("org.biospark.cli"),
                            source.path() + " uses " + used);
                }
                checked++;
            }
        }
        assertTrue(checked > 50, "kernel sources found under " + MAIN.toAbsolutePath() + ": " + checked);
    }

    @Test
    void theSharedRunPackageImportsNoPipeline() throws IOException {
        List<Source> run = sources(MAIN.resolve("spark/run"));
        assertTrue(run.size() > 5);
        for (Source source : run) {
            for (String used : source.packagesUsed()) {
                assertTrue(!used.startsWith(SPARK) || used.equals(RUN), source.path() + " uses " + used);
                assertFalse(used.startsWith("org.biospark.cli"), source.path() + " uses " + used);
            }
        }
    }

    @Test
    void noPipelineImportsAnotherOrTheLayersAbove() throws IOException {
        List<String> pipelines = pipelines();
        assertTrue(pipelines.containsAll(List.of(SPARK + ".align", SPARK + ".gsea", SPARK + ".sumrange")),
                pipelines.toString());
        for (String pipeline : pipelines) {
            Path dir = MAIN.resolve(pipeline.substring("org.biospark.".length()).replace('.', '/'));
            for (Source source : sources(dir)) {
                for (String used : source.packagesUsed()) {
                    boolean allowed = !used.startsWith(SPARK) || used.equals(RUN) || used.startsWith(pipeline);
                    assertTrue(allowed, source.path() + " (pipeline " + pipeline + ") uses " + used);
                    assertFalse(used.startsWith("org.biospark.cli"), source.path() + " uses " + used);
                }
            }
        }
    }

    @Test
    void theReportReadsThePipelinesAndOnlyTheCommandLineUsesIt() throws IOException {
        String report = "org.biospark.report";
        List<Source> all = sources(MAIN);
        assertTrue(all.stream().anyMatch(s -> s.path().startsWith(MAIN.resolve("report"))));
        for (Source source : all) {
            boolean inReport = source.path().startsWith(MAIN.resolve("report"));
            boolean inCli = source.path().startsWith(MAIN.resolve("cli"));
            for (String used : source.packagesUsed()) {
                assertTrue(inReport || inCli || !used.startsWith(report), source.path() + " uses " + used);
                assertFalse(inReport && used.startsWith("org.biospark.cli"), source.path() + " uses " + used);
            }
        }
    }

    @Test
    void noFileIsLongerThanTheLimitButTheNamedExceptions() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "src/jmh/java")) {
            for (Source source : sources(Path.of(root))) {
                long lines = source.text().lines().count();
                String name = Path.of(root).relativize(source.path()).toString();
                if (lines > MAX_LINES && !LONG_FILES.containsKey(name)) {
                    tooLong.add(name + " (" + lines + " lines)");
                }
            }
        }
        assertEquals(List.of(), tooLong, "split these, or name them with a reason in LONG_FILES");
        for (String name : LONG_FILES.keySet()) {
            assertTrue(Files.exists(Path.of("src/main/java").resolve(name)), "no such file: " + name);
        }
    }

    @Test
    void theRulesDetectWhatTheyForbid() {
        assertTrue(FOREIGN.matcher("package x;\nimport org.apache.spark.sql.Row;\n").find());
        assertTrue(FOREIGN.matcher("import static org.apache.hadoop.fs.Path.x;\n").find());
        assertFalse(FOREIGN.matcher("import java.util.List; // org.apache.spark\n").find());
        Source source = new Source(Path.of("X.java"), "package org.biospark.spark.gsea;\n"
                + "import org.biospark.spark.run.Job;\nimport org.biospark.spark.align.*;\n"
                + "class X { Object o = new org.biospark.spark.sumrange.SumRangeJob(); String s = \"org.biospark.cli.X\"; }");
        assertEquals(Set.of("org.biospark.spark.run", "org.biospark.spark.align", "org.biospark.spark.sumrange"),
                source.packagesUsed());
    }

    /** The pipeline packages: every package under {@code spark} but the shared one. */
    private static List<String> pipelines() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN.resolve("spark"))) {
            return dirs.filter(Files::isDirectory).map(d -> SPARK + "." + d.getFileName())
                    .filter(p -> !p.equals(RUN)).sorted().toList();
        }
    }

    private static List<Source> sources(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Source> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(new Source(file, Files.readString(file)));
            }
            return sources;
        }
    }

    /** A source file and the other biospark packages its code names (comments and strings left out). */
    private record Source(Path path, String text) {
        /** A string or character literal, or a comment: what a reference in the code cannot be inside. */
        private static final Pattern NOT_CODE = Pattern.compile(
                "\"(?:\\\\.|[^\"\\\\\n])*\"|'(?:\\\\.|[^'\\\\\n])*'|//[^\n]*|(?s:/\\*.*?\\*/)");

        Set<String> packagesUsed() {
            String code = NOT_CODE.matcher(text).replaceAll("");
            Matcher own = PACKAGE.matcher(code);
            String self = own.find() ? own.group(1) : "";
            Set<String> used = new TreeSet<>();
            Matcher m = BIOSPARK_REFERENCE.matcher(code);
            while (m.find()) {
                if (!m.group(1).equals(self)) {
                    used.add(m.group(1));
                }
            }
            return used;
        }
    }
}
