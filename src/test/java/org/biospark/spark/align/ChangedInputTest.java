package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.biospark.TestSpark;
import org.biospark.io.InvalidInputException;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An input that changes while the run reads it fails the run, naming the file, and leaves nothing written. */
class ChangedInputTest {
    private final SparkSession spark = TestSpark.session();

    @TempDir
    Path tmp;

    @Test
    void aQueryFileAppendedToDuringTheRunFailsIt() throws IOException {
        Path queries = Files.copy(Golden.ALIGN.path("blog/queries.fa"), tmp.resolve("queries.fa"));
        AtomicBoolean changed = new AtomicBoolean();
        SparkListener appender = new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart taskStart) {
                if (changed.compareAndSet(false, true)) {
                    try {
                        Files.writeString(queries, ">late\nACGT\n", StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        spark.sparkContext().addSparkListener(appender);
        Path out = tmp.resolve("out");
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> AlignJob.run(spark,
                    AlignOptions.of(List.of(queries.toString()), Golden.ALIGN.path("blog/ref.fa").toString(),
                            out.toString())));
            assertTrue(e.getMessage().contains("changed while the run read it"), e.getMessage());
            assertTrue(e.file().endsWith("queries.fa"), e.file());
        } finally {
            spark.sparkContext().removeSparkListener(appender);
        }
        assertTrue(changed.get());
        assertFalse(Files.exists(out), "nothing written");
    }
}
