package org.biospark.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;
import scala.tools.nsc.interpreter.shell.ReplReporterImpl;

/**
 * The Zeppelin note in {@code notebooks/zeppelin}, without Zeppelin: its JSON has Zeppelin's shape, its
 * {@code %spark.conf} paragraph names the application jar this build made, its {@code %spark} paragraphs compile and
 * run in Scala's REPL (the one Zeppelin's Spark interpreter embeds) against that jar and Spark's jars with a
 * {@code spark} session made from the note's own settings, and its {@code %sql} paragraphs answer over the results
 * the Scala paragraphs wrote. Runs after {@code package} (failsafe).
 */
class ZeppelinNoteIT {
    private static final Path PROJECT = Path.of(System.getProperty("biospark.project.dir", ".")).toAbsolutePath();
    private static final Pattern NOTE_FILE = Pattern.compile("(.+)_(2[A-Z0-9]{8})\\.zpln");
    private static final Set<String> INTERPRETERS = Set.of("%md", "%spark.conf", "%spark", "%sql", "%spark.sql");

    private static Path notePath;
    private static JsonNode note;
    private static SparkSession spark;

    private record Paragraph(String interpreter, String title, String body) {
    }

    @BeforeAll
    static void readNote() throws IOException {
        try (Stream<Path> files = Files.list(PROJECT.resolve("notebooks/zeppelin"))) {
            List<Path> notes = files.filter(p -> p.toString().endsWith(".zpln")).toList();
            assertEquals(1, notes.size(), "one Zeppelin note expected: " + notes);
            notePath = notes.get(0);
        }
        note = new ObjectMapper().readTree(notePath.toFile());
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static List<Paragraph> paragraphs() {
        List<Paragraph> result = new ArrayList<>();
        for (JsonNode p : note.get("paragraphs")) {
            String text = p.get("text").asText();
            int end = text.indexOf('\n');
            String interpreter = (end < 0 ? text : text.substring(0, end)).trim();
            result.add(new Paragraph(interpreter, p.path("title").asText(), end < 0 ? "" : text.substring(end + 1)));
        }
        return result;
    }

    private static String applicationJarName() {
        return "biospark-" + System.getProperty("biospark.version", versionFromPom()) + ".jar";
    }

    private static String versionFromPom() {
        try {
            Matcher m = Pattern.compile("<artifactId>biospark</artifactId>\\s*<version>([^<]+)</version>")
                    .matcher(Files.readString(PROJECT.resolve("pom.xml")));
            assertTrue(m.find(), "no version in pom.xml");
            return m.group(1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The {@code key value} lines of a {@code %spark.conf} paragraph, as Zeppelin reads them. */
    private static Map<String, String> properties(String body) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] kv = trimmed.split("\\s+", 2);
            assertEquals(2, kv.length, "a %spark.conf line without a value: " + line);
            properties.put(kv[0], kv[1]);
        }
        return properties;
    }

    @Test
    void hasZeppelinsShape() {
        Matcher file = NOTE_FILE.matcher(notePath.getFileName().toString());
        assertTrue(file.matches(), "Zeppelin names a note file NAME_ID.zpln: " + notePath.getFileName());
        assertEquals(file.group(2), note.get("id").asText(), "the id in the file name and in the note differ");
        assertEquals(file.group(1), note.get("name").asText());
        assertEquals("spark", note.get("defaultInterpreterGroup").asText());
        assertTrue(note.get("version").asText().matches("0\\.(1[1-9]|[2-9]\\d)\\..*"), "made for Zeppelin 0.11+");
        for (String key : List.of("noteParams", "noteForms", "angularObjects", "config", "info")) {
            assertTrue(note.get(key).isObject(), key);
        }
        Set<String> ids = new java.util.HashSet<>();
        for (JsonNode p : note.get("paragraphs")) {
            for (String key : List.of("id", "text", "jobName", "status", "dateCreated")) {
                assertTrue(p.get(key).isTextual(), key + " in " + p);
            }
            assertTrue(ids.add(p.get("id").asText()), "duplicate paragraph id " + p.get("id"));
            assertTrue(p.get("config").get("editorSetting").get("language").isTextual());
            assertTrue(p.get("settings").get("params").isObject() && p.get("settings").get("forms").isObject());
            assertTrue(p.get("apps").isArray());
        }
        List<Paragraph> paragraphs = paragraphs();
        paragraphs.forEach(p -> assertTrue(INTERPRETERS.contains(p.interpreter()), "unknown interpreter " + p));
        List<String> code = paragraphs.stream().map(Paragraph::interpreter).filter(i -> !i.equals("%md")).toList();
        assertEquals("%spark.conf", code.get(0), "the %spark.conf paragraph must come before any Spark paragraph");
        assertEquals(1, code.stream().filter("%spark.conf"::equals).count());
        assertTrue(code.stream().filter("%spark"::equals).count() >= 3);
        assertTrue(code.stream().filter(i -> i.endsWith("sql")).count() >= 3);
    }

    @Test
    void confNamesTheApplicationJarAndBiosparksSerializer() {
        Map<String, String> conf = properties(paragraphs().stream().filter(p -> p.interpreter().equals("%spark.conf"))
                .findFirst().orElseThrow().body());
        assertTrue(conf.get("spark.jars").endsWith("/" + applicationJarName()),
                "spark.jars must name this build's jar " + applicationJarName() + ": " + conf.get("spark.jars"));
        assertEquals("org.apache.spark.serializer.KryoSerializer", conf.get("spark.serializer"));
        assertEquals("org.biospark.spark.BiosparkKryoRegistrator", conf.get("spark.kryo.registrator"));
    }

    @Test
    void scalaParagraphsRunAndSqlParagraphsAnswer() throws Exception {
        Path jar = PROJECT.resolve("target").resolve(applicationJarName());
        assertTrue(Files.isRegularFile(jar), "build the application jar first: " + jar);
        Path sparkJars = PROJECT.resolve("target/spark-home/jars");
        Path work = PROJECT.resolve("target/zeppelin-note");
        System.setProperty("biospark.zeppelin.dir", work.toString());

        // The session Zeppelin would make: the note's %spark.conf on top of the interpreter's defaults (spark.jars is
        // on the class path here already, as Zeppelin's spark-submit would put it).
        SparkSession.Builder builder = SparkSession.builder().master("local[2]").appName("zeppelin note");
        List<Paragraph> paragraphs = paragraphs();
        properties(paragraphs.stream().filter(p -> p.interpreter().equals("%spark.conf")).findFirst().orElseThrow()
                .body()).forEach((k, v) -> {
                    if (!k.equals("spark.jars")) {
                        builder.config(k, v);
                    }
                });
        spark = builder.getOrCreate();

        // Scala's REPL, as Zeppelin's Spark interpreter embeds it: class-based wrappers, the application jar and
        // Spark's jars on the compiler's class path, spark and sc bound.
        Settings settings = new Settings();
        String classPath;
        try (Stream<Path> jars = Files.list(sparkJars)) {
            classPath = Stream.concat(Stream.of(jar), jars.filter(p -> p.toString().endsWith(".jar")).sorted())
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        settings.processArgumentString("-Yrepl-class-based -classpath " + classPath);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintWriter writer = new PrintWriter(console, true, StandardCharsets.UTF_8);
        IMain repl = new IMain(settings, new ReplReporterImpl(settings, writer));
        try {
            scala.collection.immutable.List<String> none = scala.collection.immutable.List$.MODULE$.empty();
            assertEquals(Results.Success$.MODULE$, repl.bind("spark", "org.apache.spark.sql.SparkSession", spark, none),
                    console.toString(StandardCharsets.UTF_8));
            assertEquals(Results.Success$.MODULE$, repl.bind("sc", "org.apache.spark.SparkContext",
                    spark.sparkContext(), none), console.toString(StandardCharsets.UTF_8));
            int sqlParagraphs = 0;
            StringBuilder transcript = new StringBuilder();
            for (Paragraph p : paragraphs) {
                if (p.interpreter().equals("%spark")) {
                    console.reset();
                    Results.Result result = scala.Console.withOut(console,
                            new scala.runtime.AbstractFunction0<Results.Result>() {
                                @Override
                                public Results.Result apply() {
                                    return repl.interpret(p.body());
                                }
                            });
                    String output = console.toString(StandardCharsets.UTF_8);
                    transcript.append("== ").append(p.title()).append('\n').append(output).append('\n');
                    assertEquals(Results.Success$.MODULE$, result, "paragraph '" + p.title() + "' failed:\n" + output);
                    assertFalse(output.contains("error:"), output);
                } else if (p.interpreter().endsWith("sql")) {
                    List<Row> rows = spark.sql(p.body()).collectAsList();
                    transcript.append("== ").append(p.title()).append('\n');
                    rows.stream().limit(10).forEach(r -> transcript.append(r.mkString("\t")).append('\n'));
                    assertFalse(rows.isEmpty(), "paragraph '" + p.title() + "' returned no rows");
                    sqlParagraphs++;
                }
            }
            Files.writeString(work.resolve("paragraphs.log"), transcript); // what each paragraph printed
            assertTrue(sqlParagraphs >= 3);
        } finally {
            repl.close();
        }

        // The paragraphs did the work they say they do: both runs are in the runs view, with fgsea's top set on top.
        List<Row> runs = spark.sql("SELECT command FROM runs ORDER BY command").collectAsList();
        assertEquals(List.of("align", "gsea"), runs.stream().map(r -> r.getString(0)).toList());
        assertEquals(1000L, spark.sql("SELECT count(*) FROM alignments").first().getLong(0));
        assertEquals(586L, spark.sql("SELECT count(*) FROM gsea").first().getLong(0));
        assertEquals("5990980_Cell_Cycle",
                spark.sql("SELECT gene_set FROM gsea ORDER BY pval, nes DESC LIMIT 1").first().getString(0));
    }
}
