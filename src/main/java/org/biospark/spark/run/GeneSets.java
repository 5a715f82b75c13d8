package org.biospark.spark.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.biospark.UsageException;
import org.biospark.io.GmtFile;
import org.biospark.io.InvalidInputException;

/**
 * Gene-set collections, read on the driver (a collection is megabytes, and every task needs all of it): GMT files,
 * one collection each, or long tables of (collection, gene set, gene) rows. A bad line or row is a reject; the sets
 * keep the order of their first line or row.
 */
public final class GeneSets {
    private GeneSets() {
    }

    /**
     * A collection: its sets (name to genes) in input order, and each set's line (a GMT file's) or first row (a
     * table's).
     *
     * @param file the GMT file or table it was read from
     */
    public record Collection(String name, String file, Map<String, List<String>> sets, Map<String, Long> lines)
            implements Serializable {
    }

    /**
     * The collections read, in the order given, with the inputs' bad records.
     *
     * @param files   the inputs read, for the manifest
     * @param records the inputs' records: a GMT file's sets and bad lines, a table's rows
     */
    public record Read(List<Collection> collections, List<Reject> rejects, List<String> files, long records) {
    }

    /**
     * Reads {@code --gene-sets}: GMT files, directories and globs of them, and tables (by {@code format} or by
     * extension; a {@code .gmt} is never a table). Two collections of one name are a usage mistake.
     *
     * @param collectionColumn a table's collection column (null: {@code collection} when it has one, else the
     *                         table is one collection named after it)
     * @param setColumn        a table's gene-set column
     */
    public static Read read(List<String> patterns, String format, String collectionColumn, String setColumn,
                            Configuration conf) {
        if (patterns.isEmpty()) {
            throw new UsageException("--gene-sets is required");
        }
        List<Collection> collections = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        List<String> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> gmtFiles = new ArrayList<>();
        long records = 0;
        for (String pattern : patterns) {
            String tableFormat = pattern.toLowerCase(Locale.ROOT).matches(".*\\.gmt(\\.gz)?$") ? null
                    : Tables.format(pattern, format, conf);
            if (tableFormat == null) {
                gmtFiles.add(pattern);
                continue;
            }
            List<Collection> read = new ArrayList<>();
            records += fromTable(Tables.read(SparkSession.active(), pattern, tableFormat), pattern,
                    InputFiles.baseName(new Path(pattern)), collectionColumn, setColumn, read, rejects);
            for (Collection c : read) {
                if (!names.add(c.name())) {
                    throw new UsageException("two gene-set collections are named " + c.name());
                }
                collections.add(c);
            }
            files.add(pattern);
        }
        for (FileStatus f : gmtFiles.isEmpty() ? List.<FileStatus>of() : InputFiles.expand(gmtFiles, conf,
                "gene-set")) {
            String file = f.getPath().toString();
            GmtFile gmt = InputFiles.parse(f.getPath(), conf, in -> GmtFile.read(in, file));
            String name = InputFiles.baseName(f.getPath());
            if (!names.add(name)) {
                throw new UsageException("two gene-set collections are named " + name + "; rename one of the files");
            }
            if (gmt.sets().isEmpty()) {
                throw new InvalidInputException(file, "no gene set in the file (" + gmt.problems().size()
                        + " bad lines)");
            }
            collections.add(new Collection(name, file, gmt.sets(), gmt.lines()));
            gmt.problems().forEach(p -> rejects.add(Reject.of(p)));
            records += gmt.sets().size() + gmt.problems().size();
            files.add(file);
        }
        return new Read(List.copyOf(collections), List.copyOf(rejects), List.copyOf(files), records);
    }

    /**
     * The collections of one table, added to {@code into}, its bad rows to {@code rejects}: a row without a
     * collection, a set or a gene, and a gene twice in one set. Returns the rows read.
     *
     * @param name  the table, for messages and rejects
     * @param alone the collection's name when the table has no collection column
     */
    public static long fromTable(Dataset<Row> table, String name, String alone, String collectionColumn,
                                 String setColumn, List<Collection> into, List<Reject> rejects) {
        Tables.require(table, name, setColumn, "name the gene-set column with --set-column");
        Tables.require(table, name, "gene", "a gene-set table has one gene a row, in a column named gene");
        Column collection;
        if (collectionColumn != null) {
            Tables.require(table, name, collectionColumn, "name the collection column with --collection-column,"
                    + " or leave it out for a table of one collection");
            collection = Tables.column(collectionColumn).cast("string");
        } else if (Tables.has(table, "collection")) {
            collection = functions.col("collection").cast("string");
        } else {
            collection = functions.lit(alone);
        }
        List<Row> rows = table.select(collection, functions.trim(Tables.column(setColumn).cast("string")),
                functions.trim(functions.col("gene").cast("string")),
                functions.monotonically_increasing_id().as("row")).orderBy("row").collectAsList();
        Map<String, Map<String, LinkedHashSet<String>>> sets = new LinkedHashMap<>();
        Map<String, Map<String, Long>> firstRows = new HashMap<>();
        long number = 0;
        for (Row r : rows) {
            number++;
            String coll = r.isNullAt(0) || r.getString(0).isBlank() ? null : r.getString(0);
            String set = r.isNullAt(1) || r.getString(1).isEmpty() ? null : r.getString(1);
            String gene = r.isNullAt(2) || r.getString(2).isEmpty() ? null : r.getString(2);
            String key = (coll == null ? "" : coll + "/") + (set == null ? "" : set);
            if (coll == null || set == null || gene == null) {
                rejects.add(new Reject(name, number, 0, key, "no " + (coll == null ? "collection" : set == null
                        ? "gene set" : "gene") + " in the row", null));
                continue;
            }
            LinkedHashSet<String> genes = sets.computeIfAbsent(coll, k -> new LinkedHashMap<>())
                    .computeIfAbsent(set, k -> new LinkedHashSet<>());
            firstRows.computeIfAbsent(coll, k -> new HashMap<>()).putIfAbsent(set, number);
            if (!genes.add(gene)) {
                rejects.add(new Reject(name, number, 0, key + ":" + gene, "gene " + gene + " twice in the set", null));
            }
        }
        if (sets.isEmpty()) {
            throw new InvalidInputException(name, "no gene set in the table (" + rows.size() + " rows, "
                    + rejects.size() + " of them rejected)");
        }
        for (Map.Entry<String, Map<String, LinkedHashSet<String>>> e : sets.entrySet()) {
            Map<String, List<String>> members = new LinkedHashMap<>();
            e.getValue().forEach((set, genes) -> members.put(set, List.copyOf(genes)));
            into.add(new Collection(e.getKey(), name, members, Map.copyOf(firstRows.get(e.getKey()))));
        }
        return rows.size();
    }
}
