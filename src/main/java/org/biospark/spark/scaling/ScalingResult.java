package org.biospark.spark.scaling;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.biospark.scaling.ScalingLaws;

/**
 * A finished scaling study: its directory, its tables read back, and the Amdahl fit.
 *
 * @param runs    one row per run ({@link ScalingSchema#SCHEMA})
 * @param summary one row per parallelism ({@link ScalingSchema#SUMMARY_SCHEMA})
 */
public record ScalingResult(String directory, Dataset<Row> runs, Dataset<Row> summary, ScalingLaws.Amdahl fit) {
}
