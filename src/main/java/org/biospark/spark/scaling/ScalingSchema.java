package org.biospark.spark.scaling;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The tables of a scaling study: one row per run, and one per parallelism with the laws' figures. */
public final class ScalingSchema {
    public static final String TABLE = "scaling";
    public static final String SUMMARY = "scaling_summary";

    /** The run's place in the study's order, from 1. */
    public static final StructField RUN = DataTypes.createStructField("run", DataTypes.IntegerType, false);
    public static final StructField PARALLELISM = DataTypes.createStructField("parallelism", DataTypes.IntegerType,
            false);
    public static final StructField REPEAT = DataTypes.createStructField("repeat", DataTypes.IntegerType, false);
    /** How many times the one-core work the run did (1, or k with --weak). */
    public static final StructField WORK = DataTypes.createStructField("work", DataTypes.IntegerType, false);
    /** The run's whole process, launcher to exit. */
    public static final StructField WALL = DataTypes.createStructField("wall_seconds", DataTypes.DoubleType, false);
    /** The job inside it, from its manifest. */
    public static final StructField JOB = DataTypes.createStructField("job_seconds", DataTypes.DoubleType, false);
    /** The driver JVM's CPU time in the job (in local mode, the executors' too). */
    public static final StructField CPU = DataTypes.createStructField("cpu_seconds", DataTypes.DoubleType, true);
    public static final StructField TASKS = DataTypes.createStructField("tasks", DataTypes.LongType, true);
    public static final StructType SCHEMA = DataTypes.createStructType(new StructField[] {RUN, PARALLELISM, REPEAT,
        WORK, WALL, JOB, CPU, TASKS});

    /** Per parallelism: medians over the repeats, and the speed-up figures from the job times. */
    public static final StructType SUMMARY_SCHEMA = new StructType().add(PARALLELISM)
            .add("median_wall_seconds", DataTypes.DoubleType, false)
            .add("median_job_seconds", DataTypes.DoubleType, false)
            .add("speedup", DataTypes.DoubleType, false).add("efficiency", DataTypes.DoubleType, false)
            .add("karp_flatt", DataTypes.DoubleType, true).add("amdahl_speedup", DataTypes.DoubleType, false)
            .add("gustafson_serial", DataTypes.DoubleType, true);

    private ScalingSchema() {
    }
}
