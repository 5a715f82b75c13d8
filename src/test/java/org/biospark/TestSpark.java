package org.biospark;

import org.apache.spark.sql.SparkSession;
import org.biospark.spark.SparkSessions;

/**
 * The one SparkSession all tests in a JVM share ({@code local[2]}, no web UI), made the way jobs make theirs, so
 * tests exercise the same defaults (Kryo with biospark's registrator, shuffle partitions sized to the cores).
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {
    }

    public static synchronized SparkSession session() {
        // a test that stops the session it was given (as a notebook's does) leaves the next test a new one
        if (session == null || session.sparkContext().isStopped()) {
            System.setProperty("spark.master", "local[2]");
            System.setProperty("spark.ui.enabled", "false");
            System.setProperty("spark.driver.host", "127.0.0.1");
            System.setProperty("spark.driver.bindAddress", "127.0.0.1");
            session = SparkSessions.getOrCreate("biospark tests");
        }
        return session;
    }

    /** A Parquet table's rows (of {@code columns}, or all), as text, sorted: what two runs are compared by. */
    public static java.util.List<String> sortedRows(java.nio.file.Path table, String... columns) {
        var frame = session().read().parquet(table.toString());
        return (columns.length > 0 ? frame.selectExpr(columns) : frame).collectAsList().stream()
                .map(org.apache.spark.sql.Row::toString).sorted().toList();
    }
}
