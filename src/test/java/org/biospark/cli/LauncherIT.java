package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.biospark.testing.Processes;
import org.biospark.testing.Processes.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@code submit/biospark} the way a new user does: no SPARK_HOME, no spark-submit on the PATH, only the jars
 * the build made. Runs after {@code package} (failsafe), against the real application jar.
 */
class LauncherIT {
    @TempDir
    Path tmp;

    private Outcome launch(String... args) throws IOException, InterruptedException {
        return launch(Map.of(), args);
    }

    private Outcome launch(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        return Processes.run(tmp, extraEnv, Processes.script("submit/biospark", args));
    }

    @Test
    void runsSumrangeWithoutASparkInstallation() throws Exception {
        Outcome run = launch("--master", "local[2]", "--conf", "spark.sql.shuffle.partitions=7",
                "sumrange", "--to", "200000000", "--partitions", "4", "--out", "result");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("total 19999999900000000 "), run.stdout());
        Path out = tmp.resolve("result");
        assertTrue(Files.isDirectory(out.resolve("sumrange")));
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
        assertEquals("local[2]", manifest.get("runtime").get("master").asText(), "--master must pass through");
        assertEquals(4, manifest.get("counts").get("sumrange").asInt());
        // Our log configuration won: Spark's INFO chatter is gone.
        assertFalse(run.stderr().contains(" INFO SparkContext"), run.stderr());
        assertFalse(run.stderr().contains("Running Spark version"), run.stderr());
    }

    @Test
    void usageErrorsExitWith2ThroughTheLauncher() throws Exception {
        Outcome missingOut = launch("sumrange", "--to", "10");
        assertEquals(2, missingOut.exitCode(), missingOut.stderr());
        assertTrue(missingOut.stderr().contains("--out"), missingOut.stderr());

        Files.createDirectories(tmp.resolve("taken"));
        Files.writeString(tmp.resolve("taken/file"), "x");
        Outcome taken = launch("sumrange", "--to", "10", "--out", "taken");
        assertEquals(2, taken.exitCode(), taken.stderr());
    }

    @Test
    void aSparkInstallationIsUsedWhenThereIsOne() throws Exception {
        // A stand-in for a real distribution: its spark-submit prints what it was given.
        Path sparkHome = tmp.resolve("spark-dist");
        Path submit = Files.createDirectories(sparkHome.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\nfor a in \"$@\"; do echo \"arg: $a\"; done\n");
        assertTrue(submit.toFile().setExecutable(true));
        Outcome run = launch(Map.of("SPARK_HOME", sparkHome.toString()),
                "--master", "yarn", "--conf", "spark.executor.memory=8g", "sumrange", "--to", "10", "--out", "x");
        assertEquals(0, run.exitCode(), run.stderr());
        List<String> passed = run.stdout().lines().map(l -> l.substring("arg: ".length())).toList();
        assertEquals(List.of("--master", "yarn", "--conf", "spark.executor.memory=8g", "--class",
                "org.biospark.cli.Main"), passed.subList(0, 6));
        assertTrue(passed.get(6).matches(".*/target/biospark-[^/]*\\.jar"), passed.get(6));
        assertEquals(List.of("sumrange", "--to", "10", "--out", "x"), passed.subList(7, passed.size()));
    }

    @Test
    void aCloneWithNothingBuiltIsExplainedNotSilent() throws Exception {
        // The launcher as it is in a fresh clone: no target/ beside it. Forbidden to build, it must say why it stops.
        Path clone = Files.createDirectories(tmp.resolve("clone/submit"));
        Path script = Files.copy(Processes.PROJECT.resolve("submit/biospark"), clone.resolve("biospark"));
        assertTrue(script.toFile().setExecutable(true));
        Outcome run = Processes.run(tmp, Map.of(), List.of(script.toString(), "demo"));
        assertEquals(1, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("the application jar is missing"), "stderr: " + run.stderr());
    }

    @Test
    void helpAndVersionComeFromBiospark() throws Exception {
        Outcome help = launch("--help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("Usage: biospark"), help.stdout());
        Outcome version = launch("--version");
        assertEquals(0, version.exitCode(), version.stderr());
        assertTrue(version.stdout().startsWith("biospark "), version.stdout());
    }

    @Test
    void theApplicationJarCarriesOurLoggingAndNoSpark() throws IOException {
        File jar;
        try (var files = Files.list(Processes.PROJECT.resolve("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("biospark-.*\\.jar"))
                    .findFirst().orElseThrow().toFile();
        }
        try (JarFile contents = new JarFile(jar)) {
            assertTrue(contents.getEntry("log4j2.properties") != null, "our log4j2.properties must be in the jar");
            assertEquals(null, contents.getEntry("log4j2.xml"), "BioJava's log4j2.xml must be filtered out");
            assertEquals(null, contents.getEntry("org/apache/spark/SparkContext.class"), "Spark must be left out");
            assertEquals(null, contents.getEntry("scala/Predef.class"), "Scala must be left out");
            assertTrue(contents.getEntry("org/biojava/nbio/core/alignment/matrices/SimpleSubstitutionMatrix.class") != null,
                    "BioJava must be shaded in");
            assertTrue(contents.getEntry("picocli/CommandLine.class") != null, "picocli must be shaded in");
            String manifest = new String(contents.getInputStream(contents.getEntry("META-INF/MANIFEST.MF"))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("Main-Class: org.biospark.cli.Main"), manifest);
        }
    }
}
