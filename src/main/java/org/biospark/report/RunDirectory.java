package org.biospark.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.RunManifest;
import org.biospark.spark.run.RunOutput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One finished run, opened for the report: its manifest and its tables. A directory that is not a run, a run still
 * being written (or abandoned half-written), a run of a newer layout and a run missing a table its manifest counts
 * are bad input, named with what is missing.
 *
 * @param path     the run's directory, as given
 * @param manifest the parsed {@code _manifest.json}
 * @param tables   the run's tables present, by name
 */
record RunDirectory(String path, JsonNode manifest, Map<String, Dataset<Row>> tables) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String command() {
        return manifest.path("command").asText();
    }

    /** The count the manifest gives for {@code name}, or -1. */
    long count(String name) {
        return manifest.path("counts").path(name).asLong(-1);
    }

    static RunDirectory open(SparkSession spark, String run, java.util.List<String> tableNames) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path dir = new Path(run);
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (!fs.exists(dir)) {
                throw new InvalidInputException(run, "no such run directory");
            }
            Path manifest = new Path(dir, RunOutput.MANIFEST);
            if (!fs.exists(manifest)) {
                boolean staging = dir.getName().contains(".staging-")
                        || fs.exists(new Path(dir, RunOutput.PENDING_MANIFEST));
                throw new InvalidInputException(run, staging
                        ? "a run's staging directory, not a finished run: it has no " + RunOutput.MANIFEST
                        + " (the run was interrupted or is still writing; report on its --out directory once it"
                        + " has finished, or run it again with --resume)"
                        : "not a biospark run directory: no " + RunOutput.MANIFEST);
            }
            JsonNode m;
            try (InputStream in = fs.open(manifest)) {
                m = JSON.readTree(in);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidInputException(manifest.toString(), "the manifest is not valid JSON: "
                        + e.getOriginalMessage());
            }
            int schema = m.path("schema").asInt(1);
            if (schema > RunManifest.SCHEMA) {
                throw new InvalidInputException(run, "written by a newer biospark (run layout " + schema
                        + "; this one reads up to " + RunManifest.SCHEMA + "): report on it with that version");
            }
            if (!m.path("command").isTextual()) {
                throw new InvalidInputException(manifest.toString(), "the manifest names no command");
            }
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            for (String name : tableNames) {
                Path table = new Path(dir, name);
                if (fs.exists(table)) {
                    tables.put(name, spark.read().parquet(table.toString()));
                } else if (m.path("counts").path(name).asLong(0) > 0) {
                    throw new InvalidInputException(run, "the manifest counts " + m.path("counts").path(name)
                            .asLong() + " rows of table " + name + ", but the directory has no " + name + "/");
                }
            }
            return new RunDirectory(run, m, tables);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + run, e);
        }
    }
}
