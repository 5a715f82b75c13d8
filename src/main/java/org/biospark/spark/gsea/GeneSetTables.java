package org.biospark.spark.gsea;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.biospark.io.InvalidInputException;
import org.biospark.spark.run.Reject;
import org.biospark.spark.run.Tables;

/**
 * Gene-set collections from a long table of (collection, gene set, gene) rows, read on the driver as GMT files are
 * (a collection is megabytes, and every task needs all of it). A row without a set or a gene, and a gene twice in
 * one set, is a reject; the sets keep the order of their first rows.
 */
final class GeneSetTables {
    private GeneSetTables() {
    }

    /** The collections of one table, its bad rows added to {@code rejects}; returns the rows read. */
    static long read(Dataset<Row> table, String name, String alone, TableColumns c, List<GseaInputs.Collection> into,
                     List<Reject> rejects) {
        Tables.require(table, name, c.geneSet(), "name the gene-set column with --set-column");
        Tables.require(table, name, "gene", "a gene-set table has one gene a row, in a column named gene");
        Column collection;
        if (c.collection() != null) {
            Tables.require(table, name, c.collection(), "name the collection column with --collection-column,"
                    + " or leave it out for a table of one collection");
            collection = functions.col(c.collection()).cast("string");
        } else if (Tables.has(table, "collection")) {
            collection = functions.col("collection").cast("string");
        } else {
            collection = functions.lit(alone);
        }
        List<Row> rows = table.select(collection, functions.trim(functions.col(c.geneSet()).cast("string")),
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
            into.add(new GseaInputs.Collection(e.getKey(), name, members, Map.copyOf(firstRows.get(e.getKey()))));
        }
        return rows.size();
    }
}
