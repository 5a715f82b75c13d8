package org.biospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biospark.testing.Processes;
import org.biospark.testing.SmallHeap;
import org.junit.jupiter.api.Test;

/**
 * The SQL functions in a session that sets nothing of biospark's but {@code spark.sql.extensions}, as a
 * {@code spark-sql} shell, a Thrift server or a PySpark session would: in a JVM of its own, since the tests' shared
 * session is made by {@link SparkSessions}.
 */
class SqlExtensionsSessionTest {
    @Test
    void theExtensionsSettingAloneRegistersTheFunctions() throws Exception {
        Processes.Outcome run = SmallHeap.run("1g", PlainSession.class, "sql-extensions-session.log");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("score=3 cigar=3=1D5= rc=ACGTT"), run.output());
        // local scores against ACGT: 4 (ACGT), 3 (ACG of ACGA), 1 (one T of TTTT), 3 (ACG)
        assertTrue(run.output().contains("rows=4 total=11"), run.output());
        assertTrue(run.output().contains("align_all rows=4 total=11"), run.output());
        // the top five genes enriched at the top, the bottom five at the bottom
        assertTrue(run.output().contains("gsea_preranked [[S,true], [T,false]]"), run.output());
        assertTrue(run.output().contains("gsea_phenotype [[S,true], [T,false]]"), run.output());
        assertTrue(run.output().contains("gsea_ora [[S,5,true], [T,0,true]]"), run.output());
    }

    /** A plain session with the extensions setting, running SQL text. */
    public static final class PlainSession {
        public static void main(String[] args) {
            SparkSession spark = SparkSession.builder().master("local[2]").appName("plain")
                    .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.extensions", BiosparkExtensions.class.getName()).getOrCreate();
            Row r = spark.sql("SELECT align_score('ACGTACGT', 'ACGTTACGT') AS s,"
                    + " align('ACGTACGT', 'ACGTTACGT').cigar AS c, reverse_complement('AACGT') AS rc").first();
            System.out.println("score=" + r.get(0) + " cigar=" + r.get(1) + " rc=" + r.get(2));
            spark.sql("CREATE TEMPORARY VIEW reads AS SELECT * FROM VALUES ('r1', 'ACGT'), ('r2', 'ACGA'),"
                    + " ('r3', 'TTTT'), ('r4', 'ACG') AS v(id, seq)");
            List<Row> rows = spark.sql("SELECT id, align_score(seq, 'ACGT', 'local') AS s FROM reads")
                    .collectAsList();
            System.out.println("rows=" + rows.size() + " total=" + rows.stream().mapToInt(x -> x.getInt(1)).sum());
            // the jobs as table functions
            spark.sql("CREATE TEMPORARY VIEW refs AS SELECT * FROM VALUES ('t1', 'ACGT') AS v(id, sequence)");
            Row aligned = spark.sql("SELECT count(*), sum(score) FROM align_all(TABLE(reads), TABLE(refs), 'local')")
                    .first();
            System.out.println("align_all rows=" + aligned.get(0) + " total=" + aligned.get(1));
            spark.sql("CREATE TEMPORARY VIEW ranks AS SELECT 'd' AS dataset, concat('g', id) AS gene,"
                    + " CAST(30 - id AS DOUBLE) AS score FROM range(30)");
            spark.sql("CREATE TEMPORARY VIEW sets AS SELECT 'c' AS collection, IF(id < 5, 'S', 'T') AS gene_set,"
                    + " concat('g', IF(id < 5, id, id + 20)) AS gene FROM range(10)");
            List<Row> tested = spark.sql("SELECT gene_set, es > 0 FROM gsea_preranked(TABLE(ranks), TABLE(sets),"
                    + " 100, 42, 3, 500) ORDER BY gene_set").collectAsList();
            System.out.println("gsea_preranked " + tested);
            // six samples, the set S high in class A, T high in class B
            spark.sql("CREATE TEMPORARY VIEW cells AS SELECT 'd' AS dataset, concat('g', g.id) AS gene,"
                    + " concat('s', s.id) AS sample, sin(g.id * 7 + s.id * 3) + IF(g.id < 5 AND s.id < 3, 5, 0)"
                    + " + IF(g.id >= 25 AND s.id >= 3, 5, 0) AS value FROM range(30) g CROSS JOIN range(6) s");
            spark.sql("CREATE TEMPORARY VIEW labels AS SELECT concat('s', id) AS sample, IF(id < 3, 'A', 'B')"
                    + " AS class FROM range(6)");
            System.out.println("gsea_phenotype " + spark.sql("SELECT gene_set, es > 0 FROM gsea_phenotype("
                    + "TABLE(cells), TABLE(labels), TABLE(sets), 100, 42, 3, 500) ORDER BY gene_set").collectAsList());
            // the hits are S's five genes among 30: p = 1 / C(30, 5)
            spark.sql("CREATE TEMPORARY VIEW hits AS SELECT 'h' AS dataset, concat('g', id) AS gene FROM range(5)");
            System.out.println("gsea_ora " + spark.sql("SELECT gene_set, overlap, abs(pval - 1 / 142506D) < 1e-15"
                    + " OR pval = 1 FROM gsea_ora(TABLE(hits), TABLE(sets), TABLE(ranks), 3, 500) ORDER BY gene_set")
                    .collectAsList());
            spark.stop();
        }
    }
}
