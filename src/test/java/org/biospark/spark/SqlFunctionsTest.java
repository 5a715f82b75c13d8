package org.biospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biospark.TestSpark;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL functions, called from SQL text: scores equal to parasail's golden files for every mode and scoring,
 * alignments whose path scores what they say, and clear errors for what a query gets wrong.
 */
class SqlFunctionsTest {
    private static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = TestSpark.session();
    }

    static Stream<Arguments> goldenFiles() {
        return Stream.of(
                Arguments.of("dna_m1x2_global_parasail.tsv", "dna", "global", "dna(1, -2)", 5, 2),
                Arguments.of("dna_m1x2_semiglobal_parasail.tsv", "dna", "semiglobal", "dna", 5, 2),
                Arguments.of("dna_m1x2_local_parasail.tsv", "dna", "local", "dna", 5, 2),
                Arguments.of("dna_iupac_nuc44_local_parasail.tsv", "dna_iupac", "local", "NUC.4.4", 10, 1),
                Arguments.of("protein_blosum62_global_parasail.tsv", "protein", "global", "BLOSUM62", 11, 1),
                Arguments.of("protein_blosum62_local_parasail.tsv", "protein", "local", "protein", 11, 1));
    }

    /** The golden pairs with their sequences, as a view named {@code pairs}. */
    private static int pairsView(String file, String set) throws IOException {
        Map<String, String> queries = fasta(set + "_queries.fa");
        Map<String, String> targets = fasta(set + "_targets.fa");
        List<Row> rows = new ArrayList<>();
        for (String[] f : Golden.ALIGN.fields(file)) {
            if (f.length == 3 && !f[0].equals("query")) {
                long expected = Math.round(Double.parseDouble(f[2]));
                if (file.contains("semiglobal_parasail") && expected < 0) {
                    expected = 0; // parasail's sg never scores the empty alignment; see GoldenScoresTest
                }
                rows.add(RowFactory.create(queries.get(f[0]), targets.get(f[1]), (int) expected));
            }
        }
        StructType schema = new StructType().add("q", DataTypes.StringType).add("t", DataTypes.StringType)
                .add("expected", DataTypes.IntegerType);
        spark.createDataFrame(rows, schema).repartition(3).createOrReplaceTempView("pairs");
        return rows.size();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void scoresEqualParasailFromSqlText(String file, String set, String mode, String scoring, int open, int extend)
            throws IOException {
        int pairs = pairsView(file, set);
        String args = "'" + mode + "', '" + scoring + "', " + open + ", " + extend;
        List<Row> rows = spark.sql("SELECT expected, align_score(q, t, " + args + ") AS score, align(q, t, " + args
                + ") AS a, q, t FROM pairs").collectAsList();
        assertEquals(pairs, rows.size());
        assertTrue(pairs > 10, file);
        for (Row r : rows) {
            int expected = r.getInt(0);
            assertEquals(expected, r.getInt(1), () -> file + ": " + r.getString(3) + " / " + r.getString(4));
            Row a = r.getStruct(2);
            assertEquals(expected, a.<Integer>getAs("score"), file);
            String cigar = a.getAs("cigar");
            int[] lengths = consumed(cigar);
            int qStart = a.getAs("query_start");
            int qEnd = a.getAs("query_end");
            assertEquals(qEnd - qStart + 1, lengths[0], () -> file + " cigar " + cigar + " covers the query span");
            assertEquals((int) a.getAs("target_end") - (int) a.getAs("target_start") + 1, lengths[1], cigar);
            if (mode.equals("global")) {
                assertEquals(r.getString(3).length(), lengths[0], cigar);
                assertEquals(r.getString(4).length(), lengths[1], cigar);
            }
        }
    }

    /** The query and target residues a CIGAR consumes. */
    private static int[] consumed(String cigar) {
        int[] lengths = new int[2];
        Matcher m = Pattern.compile("(\\d+)([=XID])").matcher(cigar);
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String op = m.group(2);
            lengths[0] += op.equals("D") ? 0 : n;
            lengths[1] += op.equals("I") ? 0 : n;
        }
        return lengths;
    }

    @Test
    void defaultsNullsAndTheReverseComplement() {
        Row r = spark.sql("SELECT align_score('ACGTACGT', 'ACGTTACGT'), align('ACGTACGT', 'ACGTTACGT').cigar,"
                + " align_score(NULL, 'ACGT'), reverse_complement('AACGTTNacg'), reverse_complement(NULL),"
                + " align('ACGT', 'ACGT').identity").first();
        assertEquals(8 - 5, r.getInt(0)); // eight matches, one gap of one (open 5)
        assertEquals("3=1D5=", r.getString(1)); // the gap leftmost among equal paths
        assertTrue(r.isNullAt(2));
        assertEquals("cgtNAACGTT", r.getString(3));
        assertNull(r.get(4));
        assertEquals(1.0, r.getDouble(5));
    }

    @Test
    void describeFunctionShowsTheDocs() {
        String text = String.join("\n", spark.sql("DESCRIBE FUNCTION EXTENDED align_score").collectAsList()
                .stream().map(row -> row.getString(0)).toList());
        assertTrue(text.contains("gap_open"), text);
        assertTrue(text.contains("Examples"), text);
        assertTrue(text.contains("optimal alignment score"), text);
        // every example shows what the function returns
        for (String function : List.of("align_score", "align", "reverse_complement")) {
            String doc = String.join("\n", spark.sql("DESCRIBE FUNCTION EXTENDED " + function).collectAsList()
                    .stream().map(row -> row.getString(0)).toList());
            Matcher example = Pattern.compile("> (SELECT [^;]+);\\n\\s+(\\S+)").matcher(doc);
            int examples = 0;
            while (example.find()) {
                String sql = example.group(1).replace("_FUNC_", function);
                assertEquals(example.group(2), String.valueOf(spark.sql(sql).first().get(0)), sql);
                examples++;
            }
            assertTrue(examples > 0, doc);
        }
        for (String function : List.of("gsea_preranked", "gsea_phenotype", "gsea_ora", "align_all")) {
            String doc = String.join("\n", spark.sql("DESCRIBE FUNCTION EXTENDED " + function).collectAsList()
                    .stream().map(row -> row.getString(0)).toList());
            assertTrue(doc.contains("Usage: " + function + "(TABLE("), doc);
            assertTrue(doc.contains("Arguments:") && doc.contains("FROM " + function + "(TABLE("), doc);
        }
    }

    @Test
    void mistakesInAQueryAreSaidPlainly() {
        assertMessage("the mode must be global, semiglobal or local", "SELECT align_score('A', 'A', 'glocal')");
        assertMessage("the scoring must be dna, protein", "SELECT align_score('A', 'A', 'local', 'BLOSSUM62')");
        assertMessage("the mode must be a constant", "SELECT align_score(q, t, q) FROM VALUES ('A', 'C') AS v(q, t)");
        assertMessage("the query must be a string, not INT", "SELECT align_score(1, 'A')");
        assertMessage("give both gap costs", "SELECT align_score('A', 'A', 'local', 'dna', 3)");
        assertMessage("takes (query, target", "SELECT align_score('A')");
        assertMessage("the target has an invalid residue 'J' at position 4", "SELECT align_score('ACGT', 'ACGJ')");
    }

    private static void assertMessage(String expected, String sql) {
        Throwable e = assertThrows(Exception.class, () -> spark.sql(sql).collectAsList(), sql);
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        assertTrue(all.toString().contains(expected), sql + " said: " + all);
    }

    private static Map<String, String> fasta(String name) throws IOException {
        return Golden.ALIGN.fasta(name);
    }
}
