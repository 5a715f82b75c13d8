package org.biospark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The Kubernetes recipe against the build it packages (no container engine runs here): the Dockerfile starts from
 * the official image of the pom's Spark and Scala versions and copies the jar this build made, which holds
 * biospark and not Spark; the properties template runs that jar where the image puts it, with the Vector API module
 * and the launcher's JIT settings in the driver's and the executors' JVMs.
 */
class ContainerRecipeIT {
    private static final Path DOCKERFILE = Path.of("submit/kubernetes/Dockerfile");
    private static final Path TEMPLATE = Path.of("conf/kubernetes.conf.template");

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1).strip();
    }

    @Test
    void theDockerfileNamesThePomsSparkAndTheJarThisBuildMade() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = first(pom, "<artifactId>biospark</artifactId>\\s*<version>([^<]+)</version>");
        String spark = first(pom, "<spark.version>([^<]+)</spark.version>");
        String scala = first(pom, "<scala.binary.version>([^<]+)</scala.binary.version>");
        String recipe = Files.readString(DOCKERFILE);

        assertEquals(spark, first(recipe, "^ARG SPARK_VERSION=(\\S+)$"));
        assertEquals("apache/spark:${SPARK_VERSION}-scala" + scala + "-java17-ubuntu",
                first(recipe, "^FROM (\\S+)$"));
        String jar = first(recipe, "^ARG JAR=(\\S+)$");
        assertEquals("target/biospark-" + version + ".jar", jar);
        assertTrue(Files.isRegularFile(Path.of(jar)), jar + " is not what the build made");
        try (JarFile built = new JarFile(jar)) {
            assertNotNull(built.getEntry("org/biospark/cli/Main.class"));
            assertNull(built.getEntry("org/apache/spark/SparkContext.class"), "Spark comes from the image");
        }
        List<String> copied = new ArrayList<>();
        Matcher copy = Pattern.compile("^COPY (\\S+) (\\S+)$", Pattern.MULTILINE).matcher(recipe);
        while (copy.find()) {
            copied.add(copy.group(2));
            String source = copy.group(1).equals("${JAR}") ? jar : copy.group(1);
            assertTrue(Files.isRegularFile(Path.of(source)), "COPY " + source + ": no such file");
        }
        assertEquals(List.of("/opt/biospark/biospark.jar", "/opt/biospark/conf/log4j2.properties",
                "/opt/biospark/conf/kubernetes.conf"), copied);
    }

    @Test
    void theTemplateRunsThatJarWithTheKernelsModuleAndTheLaunchersJitSettings() throws IOException {
        String template = Files.readString(TEMPLATE);
        assertTrue(template.contains("local:///opt/biospark/biospark.jar"), "the jar where the image puts it");
        assertTrue(first(template, "^spark\\.master\\s+(\\S+)$").startsWith("k8s://"));
        String jit = first(Files.readString(Path.of("conf/spark-defaults.conf")),
                "^spark\\.driver\\.extraJavaOptions\\s+(.+)$");
        for (String side : List.of("driver", "executor")) {
            String options = first(template, "^spark\\." + side + "\\.extraJavaOptions\\s+(.+)$");
            assertEquals("--add-modules=jdk.incubator.vector " + jit, options, side);
        }
        assertEquals("true", first(template, "^spark\\.authenticate\\s+(\\S+)$"));
        assertEquals("true", first(template, "^spark\\.network\\.crypto\\.enabled\\s+(\\S+)$"));
    }
}
