package org.biospark.testing;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.io.GctFile;

/** A GCT file's matrix as table rows, for the tests of expression tables: wide and long. */
public final class GctTableRows {
    /** A long table's columns: (dataset, gene, sample, value). */
    public static final StructType LONG = new StructType().add("dataset", DataTypes.StringType)
            .add("gene", DataTypes.StringType).add("sample", DataTypes.StringType).add("value", DataTypes.DoubleType);

    private GctTableRows() {
    }

    /** A wide table's columns: gene, a description, a double per sample. */
    public static StructType wideSchema(GctFile gct) {
        StructType schema = new StructType().add("gene", DataTypes.StringType).add("Description",
                DataTypes.StringType);
        for (String sample : gct.samples()) {
            schema = schema.add(sample, DataTypes.DoubleType);
        }
        return schema;
    }

    /** A row per gene, in line order, its description "na". */
    public static List<Row> wide(GctFile gct) {
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < gct.genes().size(); g++) {
            Object[] row = new Object[2 + gct.samples().size()];
            row[0] = gct.genes().get(g);
            row[1] = "na";
            for (int j = 0; j < gct.samples().size(); j++) {
                row[2 + j] = gct.values()[g][j];
            }
            rows.add(RowFactory.create(row));
        }
        return rows;
    }

    /** A row per (gene, sample), gene by gene in line order, all of {@code dataset}. */
    public static List<Row> cells(GctFile gct, String dataset) {
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < gct.genes().size(); g++) {
            for (int j = 0; j < gct.samples().size(); j++) {
                rows.add(RowFactory.create(dataset, gct.genes().get(g), gct.samples().get(j), gct.values()[g][j]));
            }
        }
        return rows;
    }
}
