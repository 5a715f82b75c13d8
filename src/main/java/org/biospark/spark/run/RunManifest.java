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
import org.biospark.io.InvalidInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The {@code _manifest.json} of a run: what was run (command, parameters, inputs with their sizes), where (master,
 * parallelism, versions of biospark, Spark, Scala and Java), when (start, end) and what came out (row counts, and
 * any summary figures of the job). Filled in by a job as it goes, written by {@link RunOutput}.
 */
public final class RunManifest {
    /**
     * The layout of the manifest and the run's tables: a reader of runs (the report) refuses a run of a newer one
     * rather than misread it.
     */
    public static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String command;
    private final Instant started;
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<Map<String, Object>> inputs = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final Map<String, Object> runtime = new LinkedHashMap<>();
    /** The file system of each input, to look at it again when the run ends. */
    private final Map<String, FileSystem> inputSystems = new java.util.HashMap<>();
    private Instant finished;
    /** This JVM's CPU time when the run started, in nanoseconds (-1 where the JVM does not tell). */
    private final long cpuStart = processCpu();

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

    /**
     * Records an input file with its size in bytes and its modification time (-1 when they cannot be determined),
     * as the run starts to read it.
     */
    public RunManifest input(String role, String path, FileSystem fs) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("role", role);
        input.put("path", path);
        input.put("bytes", size(fs, path));
        input.put("modified", modified(fs, path));
        inputs.add(input);
        inputSystems.put(path, fs);
        return this;
    }

    /**
     * Checks that every input is as it was when recorded; an input changed while the run read it has given rows
     * of neither version, so the run cannot stand.
     *
     * @throws InvalidInputException naming the input and what changed
     */
    public void checkInputsUnchanged() {
        for (Map<String, Object> input : inputs) {
            String path = (String) input.get("path");
            FileSystem fs = inputSystems.get(path);
            long bytes = size(fs, path);
            long modified = modified(fs, path);
            if (bytes != (long) input.get("bytes") || modified != (long) input.get("modified")) {
                throw new InvalidInputException(path, "the file changed while the run read it (" + input.get("bytes")
                        + " bytes, modified " + Instant.ofEpochMilli((long) input.get("modified")) + "; now " + bytes
                        + " bytes, modified " + Instant.ofEpochMilli(modified) + "): run again once it is final");
            }
        }
    }

    private static long size(FileSystem fs, String path) {
        try {
            return fs.getContentSummary(new Path(path)).getLength();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long modified(FileSystem fs, String path) {
        try {
            return fs.getFileStatus(new Path(path)).getModificationTime();
        } catch (IOException e) {
            return -1;
        }
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

    /**
     * What differs between this run's parameters and inputs and those of {@code pending}, another run's manifest as
     * it started (the command, a parameter, an input's path, size or modification time), or null when nothing does.
     */
    public String differenceFrom(String pending) {
        try {
            com.fasterxml.jackson.databind.JsonNode old = JSON.readTree(pending);
            com.fasterxml.jackson.databind.JsonNode now = JSON.readTree(toJson());
            if (!old.path("command").equals(now.path("command"))) {
                return "the interrupted run was " + old.path("command").asText() + ", not " + command;
            }
            java.util.Set<String> names = new java.util.TreeSet<>();
            old.path("parameters").fieldNames().forEachRemaining(names::add);
            now.path("parameters").fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!old.path("parameters").path(name).equals(now.path("parameters").path(name))) {
                    return "its parameter " + name + " was " + old.path("parameters").path(name) + ", now "
                            + now.path("parameters").path(name);
                }
            }
            com.fasterxml.jackson.databind.JsonNode a = old.path("inputs");
            com.fasterxml.jackson.databind.JsonNode b = now.path("inputs");
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                if (!a.path(i).equals(b.path(i))) {
                    return i < a.size() && i < b.size() && a.path(i).path("path").equals(b.path(i).path("path"))
                            ? "its input " + a.path(i).path("path").asText() + " changed since (" + a.path(i)
                                .path("bytes") + " bytes, modified " + a.path(i).path("modified") + "; now "
                                + b.path(i).path("bytes") + " bytes, modified " + b.path(i).path("modified") + ")"
                            : "its inputs were " + paths(a) + ", now " + paths(b);
                }
            }
            return null;
        } catch (JsonProcessingException e) {
            return "its pending manifest cannot be read (" + e.getOriginalMessage() + ")";
        }
    }

    private static java.util.List<String> paths(com.fasterxml.jackson.databind.JsonNode inputs) {
        java.util.List<String> paths = new java.util.ArrayList<>();
        inputs.forEach(i -> paths.add(i.path("path").asText()));
        return paths;
    }

    /** Stops the clock. */
    public RunManifest finish() {
        finished = Instant.now();
        long cpu = processCpu();
        if (cpu >= 0 && cpuStart >= 0) {
            // in local mode the executors are this JVM's threads: the whole job's CPU time
            runtime.put("process_cpu_seconds", (cpu - cpuStart) / 1e9);
        }
        return this;
    }

    /** Records a figure of where and how the run ran, such as its task count. */
    public RunManifest runtime(String name, Object value) {
        runtime.put(name, value);
        return this;
    }

    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    /** The manifest as indented JSON. */
    public String toJson() {
        Instant end = finished != null ? finished : Instant.now();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "biospark");
        root.put("schema", SCHEMA);
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
