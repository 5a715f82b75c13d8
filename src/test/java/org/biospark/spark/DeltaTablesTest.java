package org.biospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.spark.align.AlignJob;
import org.biospark.spark.align.AlignOptions;
import org.biospark.spark.gsea.GseaJob;
import org.biospark.spark.gsea.GseaOptions;
import org.biospark.testing.Golden;
import org.biospark.testing.Processes;
import org.biospark.testing.SmallHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta tables as the inputs of both jobs (ranks, an expression table and its labels, gene lists, reads), in a
 * session configured for Delta as its users configure it (Delta's extension and catalog; biospark adds its own
 * extension beside Delta's): the same rows as from Parquet copies.
 * In a JVM of its own, since the tests' shared session has no Delta.
 */
class DeltaTablesTest {
    @TempDir
    Path tmp;

    @Test
    void bothJobsReadDeltaTablesAsTheyReadParquet() throws Exception {
        Processes.Outcome run = SmallHeap.run("2g", WithDelta.class, "delta-tables.log", tmp.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("gsea: same rows (1172)"), run.output());
        assertTrue(run.output().contains("align: same rows (66)"), run.output());
        assertTrue(run.output().contains("phenotype: same rows ("), run.output());
        assertTrue(run.output().contains("ora: same rows ("), run.output());
        assertTrue(!run.output().contains("same rows (0)"), run.output());
        assertTrue(run.output().contains("functions: 3"), run.output());
    }

    /** Writes each input as Delta and as Parquet, runs the job on both, and compares. */
    public static final class WithDelta {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            System.setProperty("spark.master", "local[2]");
            System.setProperty("spark.ui.enabled", "false");
            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.driver.bindAddress", "127.0.0.1");
            System.setProperty("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
            System.setProperty("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
            SparkSession spark = SparkSessions.getOrCreate("delta");

            List<Row> ranks = new ArrayList<>();
            for (String[] f : Golden.GENESET.fields("example.rnk")) {
                ranks.add(RowFactory.create("a", f[0], Double.parseDouble(f[1])));
                ranks.add(RowFactory.create("b", f[0], -Double.parseDouble(f[1])));
            }
            Dataset<Row> long_ = spark.createDataFrame(ranks, new StructType().add("dataset", DataTypes.StringType)
                    .add("gene", DataTypes.StringType).add("score", DataTypes.DoubleType)).coalesce(1);
            long_.write().format("delta").save(dir.resolve("ranks-delta").toString());
            long_.write().parquet(dir.resolve("ranks.parquet").toString());
            String gmt = Golden.GENESET.path("example.gmt").toString();
            List<String> gsea = new ArrayList<>();
            for (String input : List.of("ranks-delta", "ranks.parquet")) {
                gsea.add(rows(GseaJob.run(spark, GseaOptions.builder(List.of(gmt), dir.resolve("out-" + input)
                        .toString()).ranks(List.of(dir.resolve(input).toString())).permutations(100).build()).gsea()));
            }
            System.out.println(gsea.get(0).equals(gsea.get(1)) ? "gsea: same rows (" + count(gsea.get(0)) + ")"
                    : "gsea: different rows");

            // phenotype: a long expression table and its labels; ora: a table of gene lists
            org.biospark.io.GctFile gct = org.biospark.io.GctFile.read(Golden.GENESET.open("synth.gct"), "synth.gct");
            List<Row> cells = new ArrayList<>();
            for (int g = 0; g < gct.genes().size(); g++) {
                for (int j = 0; j < gct.samples().size(); j++) {
                    cells.add(RowFactory.create("synth", gct.genes().get(g), gct.samples().get(j),
                            gct.values()[g][j]));
                }
            }
            String[] classes = Golden.GENESET.lines("synth.cls").get(2).strip().split("\\s+");
            List<Row> labels = new ArrayList<>();
            for (int j = 0; j < classes.length; j++) {
                labels.add(RowFactory.create(gct.samples().get(j), classes[j]));
            }
            List<Row> lists = new ArrayList<>();
            for (int g = 0; g < 400; g++) {
                lists.add(RowFactory.create(g % 2 == 0 ? "even" : "odd", gct.genes().get(g)));
            }
            save(spark.createDataFrame(cells, new StructType().add("dataset", DataTypes.StringType)
                    .add("gene", DataTypes.StringType)
                    .add("sample", DataTypes.StringType).add("value", DataTypes.DoubleType)), dir, "cells");
            save(spark.createDataFrame(labels, new StructType().add("sample", DataTypes.StringType)
                    .add("class", DataTypes.StringType)), dir, "labels");
            save(spark.createDataFrame(lists, new StructType().add("dataset", DataTypes.StringType)
                    .add("gene", DataTypes.StringType)), dir, "lists");
            String synth = Golden.GENESET.path("synth.gmt").toString();
            List<String> phenotype = new ArrayList<>();
            List<String> ora = new ArrayList<>();
            for (String kind : List.of("-delta", ".parquet")) {
                phenotype.add(rows(GseaJob.run(spark, GseaOptions.builder(List.of(synth), dir.resolve("p" + kind)
                        .toString()).expression(List.of(dir.resolve("cells" + kind).toString()), List.of(dir.resolve(
                                "labels" + kind).toString())).permutations(100).build()).gsea()));
                ora.add(rows(GseaJob.run(spark, GseaOptions.builder(List.of(synth), dir.resolve("o" + kind)
                        .toString()).genes(List.of(dir.resolve("lists" + kind).toString()), null).build()).gsea()));
            }
            System.out.println(phenotype.get(0).equals(phenotype.get(1)) ? "phenotype: same rows ("
                    + count(phenotype.get(0)) + ")" : "phenotype: different rows");
            System.out.println(ora.get(0).equals(ora.get(1)) ? "ora: same rows (" + count(ora.get(0)) + ")"
                    : "ora: different rows");

            List<Row> reads = new ArrayList<>();
            Golden.ALIGN.fasta("dna_queries.fa").forEach((id, seq) -> reads.add(RowFactory.create(id, seq)));
            Dataset<Row> table = spark.createDataFrame(reads, new StructType().add("readName", DataTypes.StringType)
                    .add("sequence", DataTypes.StringType)).coalesce(1);
            table.write().format("delta").save(dir.resolve("reads-delta").toString());
            table.write().parquet(dir.resolve("reads.parquet").toString());
            String refs = Golden.ALIGN.path("dna_targets.fa").toString();
            List<String> align = new ArrayList<>();
            for (String input : List.of("reads-delta", "reads.parquet")) {
                align.add(rows(AlignJob.run(spark, AlignOptions.builder(List.of(dir.resolve(input).toString()), refs,
                        dir.resolve("align-" + input).toString()).build()).alignments()));
            }
            System.out.println(align.get(0).equals(align.get(1)) ? "align: same rows (" + count(align.get(0)) + ")"
                    : "align: different rows");
            // biospark's functions beside Delta's extension
            System.out.println("functions: " + spark.sql("SELECT align_score('ACG', 'ACG')").first().get(0));
            Files.writeString(dir.resolve("done"), "ok");
            spark.stop();
        }

        /** Writes a table as Delta ({@code name-delta}) and as Parquet ({@code name.parquet}). */
        private static void save(Dataset<Row> table, Path dir, String name) {
            table.coalesce(1).write().format("delta").save(dir.resolve(name + "-delta").toString());
            table.coalesce(1).write().parquet(dir.resolve(name + ".parquet").toString());
        }

        private static String rows(Dataset<Row> rows) {
            TreeSet<String> sorted = new TreeSet<>();
            rows.collectAsList().forEach(r -> sorted.add(r.toString()));
            return String.join("\n", sorted);
        }

        private static long count(String rows) {
            return rows.lines().count();
        }
    }
}
