package org.biospark.spark.align;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.biospark.align.ScoreMatrix;
import org.biospark.io.SequenceRecord;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.RejectsSchema;

/**
 * align as DataFrames: a table of queries and one of references in, the rows of the {@code alignments} and
 * {@code rejects} tables out, lazy until an action, so that a notebook can filter, join and write them like any
 * other DataFrame; the SQL table function {@code align_all} runs the same. The references are read when the frames
 * are built (every task needs all of them, so they travel by broadcast, as in the command); the queries are read,
 * checked and aligned by the tasks, with the checks, the kernels and the rows of the command. The tasks are the
 * partitions of the queries' frame, or {@code partitions} of them by id when the options give a count (a table of
 * one large file is one partition: repartition it, or give a count): where a query lands changes no row, since each
 * query is aligned alone against every reference.
 */
public final class AlignFrames {
    static final String SOURCE = "source";
    static final String ROW = "row";
    static final String ID = "id";
    static final String PROBLEM = "problem";
    static final String HASH = "id_hash";
    /** A query row checked: where it is, its fields as a record, why it cannot be aligned (null if it can). */
    static final StructType CHECKED = new StructType().add(SOURCE, DataTypes.StringType, false)
            .add(ROW, DataTypes.LongType, false).add(ID, DataTypes.StringType, false)
            .add("sequence", DataTypes.StringType, false).add("quality", DataTypes.StringType, true)
            .add(PROBLEM, DataTypes.StringType, true).add(HASH, DataTypes.LongType, false);

    private AlignFrames() {
    }

    /**
     * The alignments and the rejects of a frame-built run, with the columns of the {@code alignments} and
     * {@code rejects} tables: both lazy, both computed by each action on them (cache them to act on them more
     * than once).
     */
    public record Frames(Dataset<Row> results, Dataset<Row> rejects) {
    }

    /**
     * Every query of {@code queries} against every reference of {@code references}.
     *
     * @param queries    rows with an id, a sequence and optionally a quality, as the options' table columns name
     *                   them (or found by their usual names: ADAM's read schema, {@code id}/{@code sequence}, ...)
     * @param references rows of the same kind, collected on the driver
     * @param options    scoring, mode, what to keep; its query and reference names stand for the tables in the
     *                   rejects ({@link AlignOptions#frames})
     */
    public static Frames align(Dataset<Row> queries, Dataset<Row> references, AlignOptions options) {
        SparkSession spark = queries.sparkSession();
        String queryName = String.join(",", options.queries());
        List<SourcedRecord> referenceRecords = QueryTables.collect(
                QueryTables.select(references, options.references(), options.tables()), options.references());
        AlignSettings settings = AlignSettings.of(options, referenceRecords);
        List<Reject> referenceRejects = new ArrayList<>();
        ReferenceSet encoded = References.encode(referenceRecords, settings.scoring().matrix(), referenceRejects);
        Broadcast<ReferenceSet> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(encoded);
        LongAccumulator pairs = spark.sparkContext().longAccumulator("pairs aligned");

        Dataset<Row> checked = checked(QueryTables.select(queries, queryName, options.tables()), queryName,
                settings.scoring().matrix(), settings.bothStrands());
        Dataset<Row> valid = checked.filter(col(PROBLEM).isNull());
        // Duplicate ids: only the rows whose id hash repeats are grouped by id, the first by place kept.
        Dataset<Row> repeated = valid.groupBy(HASH).count().filter(col("count").gt(1))
                .select(col(HASH).as("repeated_hash"));
        Column sameHash = col(HASH).equalTo(col("repeated_hash"));
        WindowSpec byId = Window.partitionBy(ID).orderBy(SOURCE, ROW);
        Dataset<Row> suspects = valid.join(repeated, sameHash, "left_semi")
                .withColumn("n", functions.row_number().over(byId))
                .withColumn("first_source", functions.first(SOURCE).over(byId))
                .withColumn("first_row", functions.first(ROW).over(byId));
        Dataset<Row> unique = valid.join(repeated, sameHash, "left_anti")
                .unionByName(suspects.filter(col("n").equalTo(1)).drop("n", "first_source", "first_row"));
        if (options.partitions() > 0) {
            unique = unique.repartition(options.partitions(), col(ID));
        }
        Dataset<Row> results = unique.mapPartitions((MapPartitionsFunction<Row, Row>) rows ->
                alignPartition(rows, broadcast.value(), settings, pairs),
                Encoders.row(AlignmentsSchema.of(settings.traceback())));

        Dataset<Row> invalid = rejects(checked.filter(col(PROBLEM).isNotNull()));
        Dataset<Row> duplicates = suspects.filter(col("n").gt(1)).map((MapFunction<Row, Row>) r -> new SourcedRecord(
                r.getString(0), new SequenceRecord(r.getString(2), "", null, r.getLong(1), 0)).reject(
                AlignByCost.duplicate(new SourcedRecord(r.getAs("first_source"), new SequenceRecord(r.getString(2), "",
                        null, r.<Long>getAs("first_row"), 0)))).toRow(), Encoders.row(RejectsSchema.SCHEMA));
        Dataset<Row> rejects = invalid.unionByName(duplicates);
        if (!referenceRejects.isEmpty()) {
            rejects = rejects.unionByName(spark.createDataFrame(referenceRejects.stream().map(Reject::toRow).toList(),
                    RejectsSchema.SCHEMA));
        }
        return new Frames(results, rejects);
    }

    /** Each selected row (id, sequence, quality, row) as the command reads it, with its verdict. */
    static Dataset<Row> checked(Dataset<Row> selected, String source, ScoreMatrix matrix, boolean bothStrands) {
        return selected.map((MapFunction<Row, Row>) r -> {
            SequenceRecord record = QueryTables.record(r);
            return RowFactory.create(source, record.recordNumber(), record.id(), record.sequence(), record.quality(),
                    QueryChecks.problem(record, matrix, bothStrands), IdHash.of(record.id()));
        }, Encoders.row(CHECKED));
    }

    private static Dataset<Row> rejects(Dataset<Row> rows) {
        return rows.select(col(SOURCE).as(RejectsSchema.SOURCE.name()), col(ROW).as(RejectsSchema.RECORD_NUMBER.name()),
                lit(0L).as(RejectsSchema.LINE.name()), col(ID).as(RejectsSchema.ID.name()),
                col(PROBLEM).as(RejectsSchema.REASON.name()), lit(null).cast("string").as(RejectsSchema.DATASET.name()));
    }

    /** Executor side: a partition's checked, unique queries aligned as the command's tasks align them. */
    static Iterator<Row> alignPartition(Iterator<Row> rows, ReferenceSet references, AlignSettings settings,
                                        LongAccumulator pairs) {
        KernelWarmUp.start(settings, references);
        List<SourcedRecord> queries = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            queries.add(new SourcedRecord(r.getString(0), new SequenceRecord(r.getString(2), r.getString(3),
                    r.isNullAt(4) ? null : r.getString(4), r.getLong(1), 0)));
        }
        return AlignTask.rows(queries.iterator(), references, settings, pairs).iterator();
    }
}
