package org.biospark.spark.run;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * The skeleton every biospark job fills in, so that each does the same around its work: open the output directory
 * (refusing a non-empty one before anything is read), start the manifest, run the work, record its counts, write
 * the manifest, move the staged tables into place, and on any failure leave nothing behind. An input that changed
 * while the run read it fails the run. A job supplies the
 * work ({@link #work}) and the result it hands back once the run is committed ({@link #result}); options are
 * checked in its constructor, so that a usage error touches no file.
 *
 * @param <C> the job's counts
 * @param <R> what the job returns
 */
public abstract class Job<C extends RunCounts, R> {
    private final String command;
    private final String out;
    private final boolean overwrite;
    private final boolean resume;

    /**
     * @param command   the command's name, as the manifest records it
     * @param out       the output directory (any Hadoop file system URI)
     * @param overwrite replace a non-empty output directory
     * @param resume    continue the interrupted run on {@code out} with the work it committed
     */
    protected Job(String command, String out, boolean overwrite, boolean resume) {
        this.command = command;
        this.out = out;
        this.overwrite = overwrite;
        this.resume = resume;
    }

    /**
     * The job's work: read its inputs, write its tables through {@code run.output()}, record its parameters,
     * inputs and summary figures in {@code run.manifest()}; returns the run's counts.
     */
    protected abstract C work(Context run);

    /** What the caller gets back, once the tables are in place. */
    protected abstract R result(Committed<C> run);

    /** Runs the job in {@code spark}. */
    public final R run(SparkSession spark) {
        RunManifest manifest = new RunManifest(command, spark);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        TaskCounter tasks = new TaskCounter();
        TaskCounter.drain(spark); // the ends of earlier jobs' tasks would reach a listener added before they did
        spark.sparkContext().addSparkListener(tasks);
        try (RunOutput output = RunOutput.open(spark, out, overwrite, resume)) {
            C counts = work(new Context(command, spark, jsc, output, manifest));
            manifest.runtime("tasks", tasks.ended(spark));
            manifest.checkInputsUnchanged();
            if (output.resumed()) {
                manifest.summary("reused", output.reuses());
            }
            manifest.counts(counts).finish();
            output.writeManifest(manifest);
            output.commit();
            return result(new Committed<>(output, counts));
        } finally {
            jsc.setJobDescription(null);
            spark.sparkContext().removeSparkListener(tasks);
        }
    }

    /** Counts the tasks that ended while the job ran, for a scaling study's table. */
    private static final class TaskCounter extends org.apache.spark.scheduler.SparkListener {
        private final java.util.concurrent.atomic.AtomicLong ended = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd taskEnd) {
            ended.incrementAndGet();
        }

        /**
         * The tasks ended so far: the listener bus delivers the last task ends after the job's action returns,
         * so it is drained first (for at most a few seconds; a count short of a few tasks beats a stalled run).
         */
        long ended(SparkSession spark) {
            drain(spark);
            return ended.get();
        }

        static void drain(SparkSession spark) {
            try {
                spark.sparkContext().listenerBus().waitUntilEmpty(5_000);
            } catch (java.util.concurrent.TimeoutException e) {
                // the count as far as the bus has come
            }
        }
    }

    /**
     * What a job's work runs in: the session, the output directory it writes into, the manifest it fills in.
     * Driver side only; functions shipped to executors never capture it.
     */
    public record Context(String command, SparkSession spark, JavaSparkContext jsc, RunOutput output,
                          RunManifest manifest) {
        /** The Hadoop configuration the inputs and the output are reached with. */
        public Configuration conf() {
            return spark.sparkContext().hadoopConfiguration();
        }

        /**
         * Writes {@code rejects/} from {@code rejects} in a few files, not one per task (every Parquet file has a
         * fixed cost); returns the rows written.
         */
        public long writeRejects(JavaRDD<Reject> rejects) {
            LongAccumulator count = jsc.sc().longAccumulator("rejects");
            output.writeTable(RejectsSchema.TABLE, spark.createDataFrame(
                    rejects.coalesce(Math.max(1, jsc.defaultParallelism())).map(r -> {
                        count.add(1);
                        return r.toRow();
                    }), RejectsSchema.SCHEMA));
            return count.value();
        }

        /** Names the Spark jobs that follow in the UI and the logs: "command: what". */
        public void describe(String what) {
            jsc.setJobDescription(command + ": " + what);
        }

        /**
         * Called once the run's parameters and inputs are in the manifest, before the work that writes: records them
         * in the staging directory, so that a resumed run can be checked against them, or, when resuming, checks them
         * against the interrupted run's and refuses a difference.
         */
        public void ready() {
            if (output.resumed()) {
                String difference = manifest.differenceFrom(output.readPending());
                if (difference != null) {
                    output.keep(); // the interrupted run's work stays, for a resume with its options
                    throw new org.biospark.UsageException("cannot resume the run in " + output.directory() + ": "
                            + difference + "; run it again without --resume (with --out and --overwrite)");
                }
                manifest.summary("resumed_from", output.staging().toString());
            } else {
                output.writePending(manifest);
            }
        }
    }

    /**
     * A run whose tables are in place: where they are, the counts, and the tables to read back.
     *
     * @param output the committed output directory
     * @param counts the run's counts, as the manifest records them
     */
    public record Committed<C extends RunCounts>(RunOutput output, C counts) {
        /** The output directory, qualified. */
        public String directory() {
            return output.directory().toString();
        }
    }
}
