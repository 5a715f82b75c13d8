package org.biospark.spark.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.geneset.GeneDensity;
import org.biospark.geneset.SingleSampleAnalysis;
import org.biospark.io.GctFile;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.InputFiles;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.Tables;

import scala.Tuple2;

/**
 * Expression matrices from tables: wide (a gene column and a numeric column per sample, a GCT's body; a description
 * column is not a sample) or long ((gene, sample, value) rows), either with a dataset column holding any number of
 * datasets. The driver learns each dataset's samples (a wide table's columns; a long table's samples in the order
 * they first appear); the tasks read the rows in splits, as a file's lines are read. A long table's rows are brought
 * together gene by gene, so that a task holds one gene's values at a time, never a dataset.
 */
final class MatrixTables {
    private MatrixTables() {
    }

    /**
     * An expression table.
     *
     * @param dataset  its dataset column; null when the table is one dataset
     * @param samples  a wide table's sample columns; null for a long table
     * @param sample   a long table's sample column
     * @param value    a long table's value column
     * @param datasets its datasets' indices among the run's, by name
     */
    record Source(String path, String format, String dataset, String gene, List<String> samples, String sample,
                  String value, Map<String, Integer> datasets) implements Serializable {
        boolean wide() {
            return samples != null;
        }
    }

    /**
     * Opens a table on the driver: its layout and its datasets, each added to {@code into} with its samples.
     *
     * @throws InvalidInputException for a column the table lacks, naming those it has and the option to use
     */
    static Source open(SparkSession spark, String path, ScoreOptions.Columns c, Configuration conf,
                       List<ScoreInputs.Matrix> into) {
        String format = Tables.format(path, c.format(), conf);
        Dataset<Row> table = Tables.read(spark, path, format);
        Tables.require(table, path, c.gene(), "name the gene column with --gene-column");
        if (c.dataset() != null) {
            Tables.require(table, path, c.dataset(), "name the dataset column with --dataset-column, or leave it"
                    + " out for a table of one dataset");
        }
        String datasetColumn = c.dataset() != null ? c.dataset() : Tables.has(table, "dataset") ? "dataset" : null;
        String alone = InputFiles.baseName(new Path(path));
        Column dataset = dataset(datasetColumn, alone).as("d");
        Column row = functions.monotonically_increasing_id().as("r");
        Map<String, List<String>> samples = new LinkedHashMap<>();
        List<String> columns = null;
        if (Tables.has(table, c.sample())) {
            Tables.require(table, path, c.value(), "name the value column of a long expression table with"
                    + " --value-column");
            // each dataset's samples in the order they first appear, the datasets too
            List<Row> firsts = table.select(dataset, functions.trim(Tables.column(c.sample()).cast("string"))
                    .as("s"), row).where("d IS NOT NULL AND d <> '' AND s IS NOT NULL AND s <> ''")
                    .groupBy("d", "s").agg(functions.min("r").as("r")).collectAsList();
            Map<String, Long> datasetFirst = new HashMap<>();
            firsts.forEach(r -> datasetFirst.merge(r.getString(0), r.getLong(2), Math::min));
            firsts.stream().sorted(Comparator.comparingLong((Row r) -> datasetFirst.get(r.getString(0)))
                    .thenComparingLong(r -> r.getLong(2)))
                    .forEach(r -> samples.computeIfAbsent(r.getString(0), d -> new ArrayList<>()).add(r.getString(1)));
        } else {
            columns = Tables.sampleColumns(table, path, c.gene(), datasetColumn, c.sample());
            List<String> names = datasetColumn == null ? List.of(alone) : table.select(dataset, row)
                    .where("d IS NOT NULL AND d <> ''").groupBy("d").agg(functions.min("r").as("r")).orderBy("r")
                    .collectAsList().stream().map(r -> r.getString(0)).toList();
            for (String name : names) {
                samples.put(name, columns);
            }
        }
        if (samples.isEmpty()) {
            throw new InvalidInputException(path, "no row of the table names a dataset, a gene and a sample");
        }
        Map<String, Integer> indices = new HashMap<>();
        samples.forEach((name, names) -> {
            GctFile.Layout layout = new GctFile.Layout(false, -1, List.copyOf(names), 0);
            ScoreInputs.check(layout, datasetColumn == null ? path : path + " (dataset " + name + ")");
            indices.put(name, into.size());
            into.add(new ScoreInputs.Matrix(name, path, layout, true, null, null, null));
        });
        return new Source(path, format, datasetColumn, c.gene(), columns == null ? null : List.copyOf(columns),
                c.sample(), c.value(), Map.copyOf(indices));
    }

    private static Column dataset(String column, String alone) {
        return column == null ? functions.lit(alone) : functions.trim(Tables.column(column).cast("string"));
    }

    /** The table's gene rows, parsed by the tasks: a wide row is a gene line; a long table's rows, by gene. */
    static JavaRDD<MatrixRows.Parsed> read(Source s, List<ScoreInputs.Matrix> datasets,
                                           SingleSampleAnalysis.Method method, GeneDensity.Kernel kernel) {
        Dataset<Row> table = Tables.read(SparkSession.active(), s.path(), s.format());
        String alone = s.dataset() == null ? s.datasets().keySet().iterator().next() : null;
        List<Column> columns = new ArrayList<>(List.of(dataset(s.dataset(), alone),
                functions.trim(Tables.column(s.gene()).cast("string"))));
        if (s.wide()) {
            s.samples().forEach(name -> columns.add(Tables.column(name)));
            return table.select(columns.toArray(new Column[0])).javaRDD().zipWithIndex()
                    .map(next -> wideRow(next._1(), next._2() + 1, s, datasets, method, kernel));
        }
        columns.add(functions.trim(Tables.column(s.sample()).cast("string")));
        columns.add(Tables.column(s.value()));
        return table.select(columns.toArray(new Column[0])).javaRDD().zipWithIndex()
                .mapToPair(next -> cell(next._1(), next._2() + 1, s))
                .groupByKey()
                .mapPartitions(genes -> new Genes(genes, datasets, method, kernel));
    }

    private static MatrixRows.Parsed wideRow(Row r, long row, Source s, List<ScoreInputs.Matrix> datasets,
                                             SingleSampleAnalysis.Method method, GeneDensity.Kernel kernel) {
        String name = r.isNullAt(0) ? "" : r.getString(0);
        String gene = r.isNullAt(1) ? "" : r.getString(1);
        Integer d = s.datasets().get(name);
        if (d == null || gene.isEmpty()) {
            return new MatrixRows.Parsed(null, List.of(new Reject(s.path(), row, 0, gene, "no " + (d == null
                    ? "dataset" : "gene") + " in the row", d == null ? null : name)));
        }
        double[] values = new double[s.samples().size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = number(r.get(j + 2));
        }
        return MatrixRows.row(datasets.get(d), d, row, gene, values, j -> text(r.get(j + 2)), method, kernel);
    }

    /** A long table's row, keyed by (dataset, gene); a row that names neither stands alone, keyed by its number. */
    private static Tuple2<Tuple2<Integer, String>, GeneCells.Cell> cell(Row r, long row, Source s) {
        String name = r.isNullAt(0) ? "" : r.getString(0);
        String gene = r.isNullAt(1) ? "" : r.getString(1);
        String sample = r.isNullAt(2) ? "" : r.getString(2);
        Integer d = s.datasets().get(name);
        String problem = d == null ? "no dataset in the row" : gene.isEmpty() ? "no gene in the row"
                : sample.isEmpty() ? "no sample in the row" : null;
        if (problem != null) {
            return new Tuple2<>(new Tuple2<>(-1, gene + "\t" + row), new GeneCells.Cell(row, sample, Double.NaN, null,
                    new Reject(s.path(), row, 0, gene, problem, d == null ? null : name)));
        }
        double v = number(r.get(3));
        return new Tuple2<>(new Tuple2<>(d, gene), new GeneCells.Cell(row, sample, v,
                Double.isFinite(v) ? null : text(r.get(3)), null));
    }

    /** A cell as a number: Parquet's and ORC's numbers as they are, CSV's text parsed; anything else is not one. */
    static double number(Object cell) {
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        if (cell instanceof String t) {
            try {
                return Double.parseDouble(t.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private static String text(Object cell) {
        return cell == null ? "null" : String.valueOf(cell);
    }

    /** A partition's genes, each made a gene line: a row of its values in sample order, or its rows' rejects. */
    private static final class Genes implements Iterator<MatrixRows.Parsed> {
        private final Iterator<Tuple2<Tuple2<Integer, String>, Iterable<GeneCells.Cell>>> genes;
        private final List<ScoreInputs.Matrix> datasets;
        private final SingleSampleAnalysis.Method method;
        private final GeneDensity.Kernel kernel;
        private final Map<Integer, Map<String, Integer>> sampleIndex = new HashMap<>();

        Genes(Iterator<Tuple2<Tuple2<Integer, String>, Iterable<GeneCells.Cell>>> genes,
              List<ScoreInputs.Matrix> datasets, SingleSampleAnalysis.Method method, GeneDensity.Kernel kernel) {
            this.genes = genes;
            this.datasets = datasets;
            this.method = method;
            this.kernel = kernel;
        }

        @Override
        public boolean hasNext() {
            return genes.hasNext();
        }

        @Override
        public MatrixRows.Parsed next() {
            Tuple2<Tuple2<Integer, String>, Iterable<GeneCells.Cell>> next = genes.next();
            int d = next._1()._1();
            List<GeneCells.Cell> cells = new ArrayList<>();
            next._2().forEach(cells::add);
            if (d < 0) {
                return new MatrixRows.Parsed(null, List.of(cells.get(0).problem()));
            }
            cells.sort(Comparator.comparingLong(GeneCells.Cell::row));
            return GeneCells.parse(datasets.get(d), d, next._1()._2(), cells, index(d), method, kernel);
        }

        private Map<String, Integer> index(int d) {
            return sampleIndex.computeIfAbsent(d, k -> {
                Map<String, Integer> index = new HashMap<>();
                List<String> samples = datasets.get(k).layout().samples();
                for (int j = 0; j < samples.size(); j++) {
                    index.put(samples.get(j), j);
                }
                return index;
            });
        }
    }
}
