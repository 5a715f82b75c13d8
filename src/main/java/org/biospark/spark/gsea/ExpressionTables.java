package org.biospark.spark.gsea;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.geneset.PhenotypeGsea;
import org.biospark.io.ClsFile;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.SampleLabels;
import org.biospark.spark.run.Tables;

/**
 * Expression matrices from tables, for phenotype GSEA: wide (a gene column and a numeric column per sample, a
 * GCT's body; a description column is not a sample) or long ((gene, sample, value) rows, with an optional dataset
 * column holding any number of datasets). Both become the same columns: {@link RankTables#DATASET},
 * {@link RankTables#GENE}, {@link #SAMPLE}, {@link #VALUE} (null where missing or not a number), {@link #TEXT},
 * {@link RankTables#TABLE}, {@link RankTables#ROW} (the row's place) and {@link #POSITION} (a wide table's
 * column). A dataset's samples are in the order they first appear: a wide table's columns, a long table's rows;
 * that is the order a CLS file's labels follow.
 */
final class ExpressionTables {
    static final String SAMPLE = "sample";
    static final String VALUE = "value";
    static final String TEXT = "text";
    static final String POSITION = "position";

    private ExpressionTables() {
    }

    /** Whether {@code --expression} names tables (see {@link Tables#given}). */
    static boolean given(GseaOptions o, Configuration conf) {
        return Tables.given(o.expression(), o.tables().format(), o.tables().given(), conf,
                "--expression mixes tables and GCT files; give one kind (or run them apart)");
    }

    /** Whether {@code --labels} names tables of (sample, class) rows rather than CLS files. */
    static boolean labelTables(GseaOptions o, Configuration conf) {
        return !o.labels().isEmpty() && o.labels().stream().noneMatch(l -> l.toLowerCase(Locale.ROOT)
                .matches(".*\\.cls(\\.gz)?$")) && Tables.given(o.labels(), o.tables().format(), false, conf,
                "--labels mixes tables and CLS files; give one kind");
    }

    /** Every table of {@code --expression}, read and brought to the common columns, one after the other. */
    static Dataset<Row> read(SparkSession spark, GseaOptions o, Configuration conf) {
        return RankTables.readAll(spark, o.expression(), o, conf, ExpressionTables::normalise);
    }

    /**
     * One expression table in the common columns: long when it has the sample column, wide otherwise.
     *
     * @param name  the table, for messages and rejects
     * @param alone the dataset name when the table has no dataset column
     */
    static Dataset<Row> normalise(Dataset<Row> table, String name, String alone, TableColumns c) {
        Tables.require(table, name, c.gene(), "name the gene column with --gene-column");
        String datasetColumn = c.dataset() != null ? c.dataset() : Tables.has(table, RankTables.DATASET)
                ? RankTables.DATASET : null;
        if (c.dataset() != null) {
            Tables.require(table, name, c.dataset(), "name the dataset column with --dataset-column, or leave it"
                    + " out for a table of one dataset");
        }
        Column dataset = datasetColumn == null ? functions.lit(alone) : Tables.column(datasetColumn).cast("string");
        Column gene = functions.trim(Tables.column(c.gene()).cast("string"));
        if (Tables.has(table, c.sample())) {
            Tables.require(table, name, c.value(), "name the value column of a long expression table with"
                    + " --value-column");
            return table.select(dataset.as(RankTables.DATASET), gene.as(RankTables.GENE),
                    functions.trim(Tables.column(c.sample()).cast("string")).as(SAMPLE),
                    value(Tables.column(c.value())),
                    text(Tables.column(c.value())), functions.lit(name).as(RankTables.TABLE),
                    functions.monotonically_increasing_id().as(RankTables.ROW), functions.lit(0).as(POSITION));
        }
        List<String> samples = Tables.sampleColumns(table, name, c.gene(), datasetColumn, c.sample());
        List<Column> cells = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Column v = Tables.column(samples.get(i));
            cells.add(functions.struct(functions.lit(samples.get(i)).as(SAMPLE), value(v), text(v),
                    functions.lit(i).as(POSITION)));
        }
        // the row's number first, then its cells: a number taken beside the explode would number the cells
        return table.withColumn(RankTables.ROW + "_", functions.monotonically_increasing_id())
                .select(dataset.as(RankTables.DATASET), gene.as(RankTables.GENE),
                        functions.col(RankTables.ROW + "_").as(RankTables.ROW),
                        functions.explode(functions.array(cells.toArray(new Column[0]))).as("cell"))
                .select(functions.col(RankTables.DATASET), functions.col(RankTables.GENE),
                        functions.col("cell." + SAMPLE).as(SAMPLE), functions.col("cell." + VALUE).as(VALUE),
                        functions.col("cell." + TEXT).as(TEXT), functions.lit(name).as(RankTables.TABLE),
                        functions.col(RankTables.ROW), functions.col("cell." + POSITION).as(POSITION));
    }

    private static Column value(Column c) {
        return c.try_cast("double").as(VALUE);
    }

    private static Column text(Column c) {
        return functions.coalesce(c.cast("string"), functions.lit("null")).as(TEXT);
    }

    /**
     * Executor side: one dataset's rows read as a GCT file is read, in table order. A bad value, a repeated
     * (gene, sample) or a row without gene or sample is a reject; a gene with a bad or missing value is left out,
     * each of its other rows a reject that says why. A wide table's row counts once, whatever its cells.
     */
    static Datasets.Read read(String dataset, List<Row> input, SampleLabels labels, GseaOptions o) {
        List<Row> rows = new ArrayList<>(input);
        rows.sort(Comparator.comparingLong((Row r) -> r.getLong(6)).thenComparingInt(r -> r.getInt(7)));
        String table = rows.get(0).getString(5);
        Map<String, Integer> samples = new LinkedHashMap<>();
        Map<String, Map<String, Double>> cells = new LinkedHashMap<>();
        Map<String, Map<String, Long>> cellUnits = new HashMap<>();
        Map<String, String> badGenes = new HashMap<>();
        Set<Long> rejectedUnits = new HashSet<>();
        List<Reject> rejects = new ArrayList<>();
        Map<Long, Long> unitNumbers = new LinkedHashMap<>();
        for (Row r : rows) {
            // a wide table's cells share their row's number: a row is rejected once, whatever its cells
            long number = unitNumbers.computeIfAbsent(r.getLong(6), k -> (long) unitNumbers.size() + 1);
            String gene = r.isNullAt(1) ? "" : r.getString(1);
            String sample = r.isNullAt(2) ? "" : r.getString(2);
            if (gene.isEmpty() || sample.isEmpty()) {
                reject(rejects, rejectedUnits, table, number, gene, gene.isEmpty() ? "no gene in the row"
                        : "no sample in the row", dataset);
                continue;
            }
            samples.putIfAbsent(sample, samples.size());
            Map<String, Double> geneCells = cells.computeIfAbsent(gene, g -> new LinkedHashMap<>());
            Map<String, Long> units = cellUnits.computeIfAbsent(gene, g -> new HashMap<>());
            if (geneCells.containsKey(sample) || (badGenes.containsKey(gene) && units.containsKey(sample))) {
                reject(rejects, rejectedUnits, table, number, gene, "sample " + sample + " repeated for gene "
                        + gene + " (first at row " + units.get(sample) + ")", dataset);
                continue;
            }
            units.put(sample, number);
            Double value = r.isNullAt(3) ? null : r.getDouble(3);
            if (value == null || value.isNaN() || value.isInfinite()) {
                reject(rejects, rejectedUnits, table, number, gene, "value '" + r.getString(4) + "' for sample "
                        + sample + " is not a finite number", dataset);
                badGenes.putIfAbsent(gene, "its value for sample " + sample + " is not a finite number (row "
                        + number + ")");
                continue;
            }
            geneCells.put(sample, value);
        }
        List<String> sampleNames = List.copyOf(samples.keySet());
        List<String> genes = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : cells.entrySet()) {
            String gene = e.getKey();
            String why = badGenes.get(gene);
            if (why == null && e.getValue().size() < sampleNames.size()) {
                why = "it has no value for sample " + sampleNames.stream().filter(s -> !e.getValue().containsKey(s))
                        .findFirst().orElseThrow();
            }
            if (why != null) {
                for (String sample : e.getValue().keySet()) {
                    long number = cellUnits.get(gene).get(sample);
                    reject(rejects, rejectedUnits, table, number, gene, "gene left out: " + why,
                            dataset);
                }
                continue;
            }
            double[] row = new double[sampleNames.size()];
            e.getValue().forEach((sample, v) -> row[samples.get(sample)] = v);
            genes.add(gene);
            values.add(row);
        }
        long lines = unitNumbers.size();
        long used = lines - rejectedUnits.size();
        GseaInputs.Source source = new GseaInputs.Source(GseaMethod.PHENOTYPE, dataset, table, labels.source(), 0);
        if (genes.size() < 2 || sampleNames.size() < 2) {
            return Datasets.Read.leftOut(source, table, 0, rejects, lines, genes.size() < 2 ? "no usable gene: "
                    + genes.size() + " genes have a finite value for every sample" : "phenotype GSEA needs at least"
                    + " two samples; the dataset has " + sampleNames.size());
        }
        Object given = labels.labelsOf(dataset, sampleNames);
        if (given instanceof String why) {
            return Datasets.Read.leftOut(source, labels.source(), 0, rejects, lines, why);
        }
        ClsFile cls = (ClsFile) given;
        List<String> classes = Labels.used(cls);
        String problem = classes.size() < 2 ? "every sample is in class " + classes.get(0) + ": phenotype GSEA"
                + " compares two classes"
                : o.classA() != null && !classes.contains(o.classA()) ? "--class-a " + o.classA() + " is not one of"
                + " its classes " + classes
                : classes.size() > 2 && o.classA() == null ? classes.size() + " classes " + classes + ": choose one"
                + " with --class-a to compare it against the others" : null;
        if (problem != null) {
            return Datasets.Read.leftOut(source, labels.source(), 0, rejects, lines, problem);
        }
        String classA = o.classA() != null ? o.classA() : classes.get(0);
        List<String> compared = Labels.compared(cls, classA);
        List<String> warnings = new ArrayList<>();
        if (!compared.equals(cls.labels())) {
            warnings.add(dataset + ": class " + classA + " against the others, together: " + compared.stream()
                    .filter(l -> !l.equals(classA)).findFirst().orElse(""));
        }
        PhenotypeGsea.warnings(compared, classA).forEach(w -> warnings.add(dataset + ": " + w));
        return Datasets.Read.of(new DatasetInput.Expression(dataset, List.copyOf(genes),
                values.toArray(new double[0][]), compared, classA), rejects, lines, used, warnings);
    }

    private static void reject(List<Reject> rejects, Set<Long> rejected, String table, long number, String gene,
                               String reason, String dataset) {
        if (rejected.add(number)) {
            rejects.add(new Reject(table, number, 0, gene, reason, dataset));
        }
    }
}
