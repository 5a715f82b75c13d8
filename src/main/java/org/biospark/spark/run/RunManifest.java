package org.biospark.spark.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.biospark.BiosparkVersion;
import org.biospark.Choice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code _manifest.json} of a run: what was run (command, parameters, inputs with their sizes), where (master,
 * parallelism, versions of biospark, Spark, Scala and Java), when (start, end) and what came out (row counts, and
 * any summary figures of the job). Filled in by a job as it goes, written by {@link RunOutput}.
 */
public final class RunManifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String command;
    private final Instant started;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Map<String, Object>> inputs = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final Map<String, Object> runtime = new LinkedHashMap<>();
    private Instant finished;

    /** Starts the manifest of a run of {@code command} in {@code spark}; the clock starts now. */
    public RunManifest(String command, SparkSession spark) {
        this.command = command;
        this.started = Instant.now();
        runtime.put("master", spark.sparkContext().master());
        runtime.put("default_parallelism", spark.sparkContext().defaultParallelism());
        runtime.put("application_id", spark.sparkContext().applicationId());
        runtime.put("biospark_version", BiosparkVersion.version());
        runtime.put("spark_version", spark.version());
        runtime.put("scala_version", scala.util.Properties.versionNumberString());
        runtime.put("java_version", System.getProperty("java.version"));
        runtime.put("java_vendor", System.getProperty("java.vendor"));
    }

    /** Records an option as given (after defaults were applied). */
    public RunManifest parameter(String name, Object value) {
        parameters.put(name, value instanceof Choice c ? c.label() : value);
        return this;
    }

    /** Records an input file with its size in bytes (-1 when it cannot be determined). */
    public RunManifest input(String role, String path, FileSystem fs) {
        long bytes;
        try {
            bytes = fs.getContentSummary(new Path(path)).getLength();
        } catch (IOException e) {
            bytes = -1;
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("role", role);
        input.put("path", path);
        input.put("bytes", bytes);
        inputs.add(input);
        return this;
    }

    /** Records the run's accounting: records read, used and rejected, rows per table. */
    public RunManifest counts(RunCounts runCounts) {
        counts.clear();
        counts.putAll(runCounts.asMap());
        return this;
    }

    /** Records a summary figure of the run, such as a total or a rate. */
    public RunManifest summary(String name, Object value) {
        summary.put(name, value);
        return this;
    }

    /** Stops the clock. */
    public RunManifest finish() {
        finished = Instant.now();
        return this;
    }

    /** The manifest as indented JSON. */
    public String toJson() {
        Instant end = finished != null ? finished : Instant.now();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "biospark");
        root.put("command", command);
        root.put("parameters", parameters);
        root.put("inputs", inputs);
        root.put("runtime", runtime);
        root.put("started", started.toString());
        root.put("finished", end.toString());
        root.put("seconds", Duration.between(started, end).toNanos() / 1e9);
        root.put("counts", counts);
        root.put("summary", summary);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
