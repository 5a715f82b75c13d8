package org.biospark.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.biospark.UsageException;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.align.AlignmentsSchema;
import org.biospark.spark.gsea.GseaSchema;
import org.biospark.spark.run.RejectsSchema;
import org.biospark.spark.run.RunOutput;
import org.biospark.spark.score.DifferenceSchema;
import org.biospark.spark.score.ScoreSchema;
import org.biospark.spark.sumrange.SumRangeSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The results of one or more runs as SQL views: {@code gsea}, {@code alignments}, {@code rejects}, {@code sumrange},
 * {@code scores}, {@code differences} (each the union of
 * the runs that have the table, with a {@code run} column naming the run's directory) and {@code runs}, one row per
 * run from its manifest.
 */
public final class ResultViews {
    /** The views registered, in order. */
    public static final List<String> TABLES = List.of(GseaSchema.TABLE, AlignmentsSchema.TABLE, RejectsSchema.TABLE,
            SumRangeSchema.TABLE, ScoreSchema.TABLE, DifferenceSchema.TABLE);

    public static final StructField RUN = DataTypes.createStructField("run", DataTypes.StringType, false);
    public static final StructType RUNS = DataTypes.createStructType(new StructField[] {
        RUN,
        DataTypes.createStructField("command", DataTypes.StringType, false),
        DataTypes.createStructField("started", DataTypes.StringType, true),
        DataTypes.createStructField("finished", DataTypes.StringType, true),
        DataTypes.createStructField("seconds", DataTypes.DoubleType, true),
        DataTypes.createStructField("master", DataTypes.StringType, true),
        DataTypes.createStructField("biospark_version", DataTypes.StringType, true),
        DataTypes.createStructField("parameters", DataTypes.StringType, true),
        DataTypes.createStructField("counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), true)});

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultViews() {
    }

    /**
     * Registers the views over the run directories {@code runs}; returns the names of the views registered. A
     * directory without a manifest is not a biospark run: bad input.
     */
    public static List<String> register(SparkSession spark, List<String> runs) {
        if (runs.isEmpty()) {
            throw new UsageException("--results needs at least one run directory");
        }
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Row> manifests = new ArrayList<>();
        Map<String, Dataset<Row>> views = new LinkedHashMap<>();
        for (String run : runs) {
            Path dir = new Path(run);
            manifests.add(manifest(dir, run, conf));
            for (String table : TABLES) {
                Path path = new Path(dir, table);
                if (exists(path, conf)) {
                    Dataset<Row> t = spark.read().parquet(path.toString()).withColumn(RUN.name(), functions.lit(run));
                    views.merge(table, t, (a, b) -> a.unionByName(b, true));
                }
            }
        }
        List<String> registered = new ArrayList<>();
        views.forEach((name, view) -> {
            view.createOrReplaceTempView(name);
            registered.add(name);
        });
        spark.createDataFrame(manifests, RUNS).createOrReplaceTempView("runs");
        registered.add("runs");
        return registered;
    }

    private static Row manifest(Path dir, String run, Configuration conf) {
        Path file = new Path(dir, RunOutput.MANIFEST);
        try {
            FileSystem fs = file.getFileSystem(conf);
            if (!fs.exists(file)) {
                throw new InvalidInputException(run, "not a biospark run directory: no " + RunOutput.MANIFEST);
            }
            JsonNode m;
            try (InputStream in = fs.open(file)) {
                m = JSON.readTree(in);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            m.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            return RowFactory.create(run, m.path("command").asText(), m.path("started").asText(null),
                    m.path("finished").asText(null), m.path("seconds").isNumber() ? m.path("seconds").asDouble() : null,
                    m.path("runtime").path("master").asText(null),
                    m.path("runtime").path("biospark_version").asText(null),
                    m.path("parameters").toString(), scala.jdk.javaapi.CollectionConverters.asScala(counts));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(file.toString(), "the manifest is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean exists(Path path, Configuration conf) {
        try {
            return path.getFileSystem(conf).exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a query over the registered views; a query Spark cannot parse or resolve is a usage error. */
    public static Dataset<Row> query(SparkSession spark, String sql) {
        try {
            Dataset<Row> result = spark.sql(sql);
            result.schema(); // resolves it now, so that a bad query fails here
            return result;
        } catch (Exception e) { // Spark's AnalysisException (a parse error too) is checked in Java's eyes
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                throw new UsageException("the query cannot run: " + e.getMessage().lines().findFirst().orElse(""));
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }
}
