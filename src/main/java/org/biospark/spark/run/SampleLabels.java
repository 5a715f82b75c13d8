package org.biospark.spark.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.biospark.io.ClsFile;
import org.biospark.io.InvalidInputException;

/**
 * The labels of the samples of a table's datasets: by position, from a CLS file, in the order of the samples;
 * or by sample name, from a table of (sample, class) rows, per dataset where it has a dataset column.
 *
 * @param source     the CLS file or labels table, for messages
 * @param positional the CLS file's labels, or null
 * @param bySample   dataset ("" for every dataset) to sample to class, or null
 * @param classes    the classes in order (a CLS file's '#' line; a table's, sorted): the first is class A
 *                   unless {@code --class-a} names another
 */
public record SampleLabels(String source, List<String> positional, Map<String, Map<String, String>> bySample,
                    List<String> classes) implements Serializable {
    /** The class column of a labels table, by its usual names. */
    public static final List<String> CLASSES = List.of("class", "label", "phenotype");

    public static SampleLabels of(ClsFile cls) {
        return new SampleLabels(cls.file(), List.copyOf(cls.labels()), null, List.copyOf(cls.classes()));
    }

    /**
     * A labels table's rows: (sample, class) with an optional dataset column, on the driver; a sample labelled
     * twice differently is bad input.
     *
     * @param datasetColumn the dataset column, when the table has it (else {@code dataset}, when it has that)
     */
    public static SampleLabels of(Dataset<Row> table, String name, String datasetColumn, String sampleColumn) {
        Tables.require(table, name, sampleColumn, "a labels table has (sample, class) rows; name its sample"
                + " column with --sample-column");
        String classColumn = CLASSES.stream().filter(n -> Tables.has(table, n)).findFirst().orElseThrow(() ->
                new InvalidInputException(name, "no column named " + String.join(" or ", CLASSES) + "; the"
                        + " table has columns " + String.join(", ", table.columns()) + ": a labels table has"
                        + " (sample, class) rows"));
        String datasets = datasetColumn != null && Tables.has(table, datasetColumn) ? datasetColumn
                : Tables.has(table, "dataset") ? "dataset" : null;
        Map<String, Map<String, String>> bySample = new LinkedHashMap<>();
        LinkedHashSet<String> classes = new LinkedHashSet<>();
        List<Row> rows = table.select(datasets == null ? functions.lit("") : Tables.column(datasets).cast("string"),
                functions.trim(Tables.column(sampleColumn).cast("string")),
                functions.trim(Tables.column(classColumn).cast("string")),
                functions.monotonically_increasing_id().as("row")).orderBy("row").collectAsList();
        long number = 0;
        for (Row r : rows) {
            number++;
            String dataset = r.isNullAt(0) ? "" : r.getString(0);
            String sample = r.isNullAt(1) ? "" : r.getString(1);
            String label = r.isNullAt(2) ? "" : r.getString(2);
            if (sample.isEmpty() || label.isEmpty()) {
                throw new InvalidInputException(name, number, "row " + number + " has no "
                        + (sample.isEmpty() ? "sample" : "class") + ": give every labelled sample its class");
            }
            String before = bySample.computeIfAbsent(dataset, d -> new HashMap<>()).putIfAbsent(sample, label);
            if (before != null && !before.equals(label)) {
                throw new InvalidInputException(name, number, "sample " + sample + " is labelled both " + before
                        + " and " + label);
            }
            classes.add(label);
        }
        if (bySample.isEmpty()) {
            throw new InvalidInputException(name, "the labels table has no row");
        }
        // a table declares no order of its classes: sorted, so that class A does not depend on the rows' order
        return new SampleLabels(name, null, bySample, classes.stream().sorted().toList());
    }

    /** The labels of a dataset's samples, in their order, as a CLS file would give them; or why there are none. */
    public Object labelsOf(String dataset, List<String> samples) {
        if (positional != null) {
            return positional.size() == samples.size() ? new ClsFile(source, classes, positional)
                    : "the CLS file " + source + " has " + positional.size() + " labels for the " + samples.size()
                    + " samples of the dataset: give one label per sample, in the order of the matrix's"
                    + " columns";
        }
        Map<String, String> named = bySample.getOrDefault(dataset, bySample.get(""));
        if (named == null) {
            return "the labels table " + source + " has no row for the dataset";
        }
        List<String> labels = new ArrayList<>();
        for (String sample : samples) {
            String label = named.get(sample);
            if (label == null) {
                return "sample " + sample + " has no label in " + source;
            }
            labels.add(label);
        }
        return new ClsFile(source, classes, labels);
    }
}
