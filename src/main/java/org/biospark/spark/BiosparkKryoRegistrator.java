package org.biospark.spark;

import org.apache.spark.serializer.KryoRegistrator;

import com.esotericsoftware.kryo.Kryo;

/**
 * Teaches Spark's Kryo to serialize biospark's records ({@link RecordSerializer}) and the JDK's unmodifiable
 * collections they hold ({@link ImmutableCollectionSerializer}). Set as
 * {@code spark.kryo.registrator} by conf/spark-defaults.conf, and by {@link SparkSessions} when it is missing.
 */
public final class BiosparkKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, RecordSerializer.class);
        ImmutableCollectionSerializer.register(kryo);
    }
}
