package org.biospark.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.biospark.spark.run.NioLocalFileSystem;

/**
 * Gets the {@link SparkSession} a job runs in. Under {@code spark-submit} the master and settings come from the
 * submitter; started any other way (a test, a notebook, plain {@code java}) biospark runs in {@code local[*]}:
 * if a cluster is there, use it; if not, do without. Either way Kryo serializes, with biospark's registrator.
 */
public final class SparkSessions {
    static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
    static final String SERIALIZER = "spark.serializer";
    static final String KRYO_REGISTRATOR = "spark.kryo.registrator";
    static final String KRYO = "org.apache.spark.serializer.KryoSerializer";
    static final String EXTENSIONS = "spark.sql.extensions";
    /** The {@code file:} scheme's file system (see {@link NioLocalFileSystem}). */
    static final String LOCAL_FILES = "spark.hadoop.fs.file.impl";
    /**
     * A file (mode 600) holding the cluster's {@code spark.authenticate.secret}. Spark gives a standalone cluster's
     * secret to the driver only through its own configuration, and in cluster deploy mode it leaves the secret out of
     * the driver's command line (rightly: command lines are public); a driver that finds this setting reads the
     * secret from the file instead. Written by submit/cluster.
     */
    static final String SECRET_FILE = "spark.biospark.authenticate.secretFile";
    static final String SECRET = "spark.authenticate.secret";

    private SparkSessions() {
    }

    /** The active session, or a new one named {@code appName}. */
    public static SparkSession getOrCreate(String appName) {
        return getOrCreate(appName, null);
    }

    /**
     * The active session, or a new one named {@code appName} on {@code master} whatever the configuration says (null:
     * as submitted, else all local cores): for a driver that only coordinates work run elsewhere.
     */
    public static SparkSession getOrCreate(String appName, String master) {
        SparkConf submitted = new SparkConf(); // spark.* system properties set by spark-submit
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        if (master != null || !submitted.contains("spark.master")) {
            builder.master(master == null ? "local[*]" : master);
        }
        String serializer = submitted.get(SERIALIZER, KRYO);
        builder.config(SERIALIZER, serializer);
        if (serializer.equals(KRYO)) {
            builder.config(KRYO_REGISTRATOR, withOurs(submitted.get(KRYO_REGISTRATOR, ""),
                    BiosparkKryoRegistrator.class.getName()));
        }
        // the SQL functions, in every session a job or a notebook starts, beside any extensions the user set
        builder.config(EXTENSIONS, withOurs(submitted.get(EXTENSIONS, ""), BiosparkExtensions.class.getName()));
        if (!submitted.contains(LOCAL_FILES)) {
            builder.config(LOCAL_FILES, NioLocalFileSystem.class.getName());
        }
        if (submitted.getBoolean("spark.authenticate", false) && !submitted.contains(SECRET)
                && submitted.contains(SECRET_FILE)) {
            builder.config(SECRET, readSecret(submitted.get(SECRET_FILE)));
        }
        SparkSession spark = builder.getOrCreate();
        if (!submitted.contains(SHUFFLE_PARTITIONS)) {
            // Spark's default of 200 is far too many on a laptop and too few on a big cluster: follow the cores.
            int cores = spark.sparkContext().defaultParallelism();
            spark.conf().set(SHUFFLE_PARTITIONS, Integer.toString(Math.max(2, 2 * cores)));
        }
        return spark;
    }

    private static String readSecret(String file) {
        try {
            String secret = java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
            if (secret.isEmpty()) {
                throw new org.biospark.UsageException("the secret file " + file + " (" + SECRET_FILE + ") is empty");
            }
            return secret;
        } catch (java.io.IOException e) {
            throw new org.biospark.UsageException("cannot read the secret file " + file + " (" + SECRET_FILE + "): "
                    + e.getMessage());
        }
    }

    /** Adds one of biospark's classes to a comma-separated list of classes (registrators, extensions), unless there. */
    static String withOurs(String registrators, String ours) {
        if (registrators.isBlank()) {
            return ours;
        }
        for (String name : registrators.split(",")) {
            if (name.trim().equals(ours)) {
                return registrators;
            }
        }
        return registrators + "," + ours;
    }
}
