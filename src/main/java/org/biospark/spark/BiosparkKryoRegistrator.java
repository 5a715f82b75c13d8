package org.biospark.spark;

import org.apache.spark.serializer.KryoRegistrator;
import org.biospark.spark.align.FileSplit;
import org.biospark.spark.align.SourcedRecord;
import org.biospark.spark.run.HadoopConf;
import org.biospark.spark.run.ImmutableCollectionSerializer;
import org.biospark.spark.run.RecordSerializer;
import org.biospark.spark.run.Reject;

import com.esotericsoftware.kryo.Kryo;

/**
 * Teaches Spark's Kryo to serialize biospark's records ({@link RecordSerializer}), the JDK's unmodifiable
 * collections they hold ({@link ImmutableCollectionSerializer}) and {@link HadoopConf} (by its Java
 * serialization). Set as {@code spark.kryo.registrator} by conf/spark-defaults.conf, and by {@link SparkSessions}
 * when it is missing.
 */
public final class BiosparkKryoRegistrator implements KryoRegistrator {
    /**
     * The records that travel in bulk (one per query), registered so that Kryo writes a small id instead of their
     * class names with every record. Same list, same order, on every JVM.
     */
    static final java.util.List<Class<?>> BULK = java.util.List.of(
            SourcedRecord.class, org.biospark.io.SequenceRecord.class, Reject.class, FileSplit.class);

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, RecordSerializer.class);
        ImmutableCollectionSerializer.register(kryo);
        for (Class<?> type : BULK) {
            kryo.register(type);
        }
        // Its Configuration is transient and written by writeObject, which Kryo's default field serializer skips:
        // broadcast with Kryo it would arrive empty (null) on a cluster's executors.
        kryo.register(HadoopConf.class, new com.esotericsoftware.kryo.serializers.JavaSerializer());
    }
}
