package org.biospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.biospark.spark.run.HadoopConf;
import org.biospark.sumrange.PartialSum;
import org.biospark.sumrange.RangeSlice;
import org.junit.jupiter.api.Test;

import scala.reflect.ClassTag;

class RecordSerializerTest {
    private record Nested(String name, int[] values, List<String> tags, RangeSlice slice) {
    }

    private static SerializerInstance kryo() {
        SparkConf conf = new SparkConf(false)
                .set("spark.kryo.registrator", BiosparkKryoRegistrator.class.getName());
        return new KryoSerializer(conf).newInstance();
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(SerializerInstance kryo, T value) {
        ClassTag<Object> tag = scala.reflect.ClassTag$.MODULE$.AnyRef();
        ByteBuffer bytes = kryo.serialize(value, tag);
        return (T) kryo.deserialize(bytes, tag);
    }

    @Test
    void recordsSurviveSparksKryo() {
        SerializerInstance kryo = kryo();
        PartialSum sum = new PartialSum(new RangeSlice(3, -10, 10), BigInteger.TEN.pow(25), 1.5, "7", "host-a");
        assertEquals(sum, roundTrip(kryo, sum));

        Nested nested = new Nested("n", new int[] {1, 2, 3}, List.of("a", "b"), new RangeSlice(0, 1, 2));
        Nested back = roundTrip(kryo, nested);
        assertEquals(nested.name(), back.name());
        assertEquals(List.of(1, 2, 3), java.util.Arrays.stream(back.values()).boxed().toList());
        assertEquals(nested.tags(), back.tags());
        assertEquals(nested.slice(), back.slice());
    }

    @Test
    void unmodifiableCollectionsComeBackEqual() {
        SerializerInstance kryo = kryo();
        for (Object value : List.<Object>of(List.of(), List.of("a"), List.of("a", "b", "c"),
                java.util.stream.Stream.of(1, 2).toList(), java.util.Set.of("x", "y"), java.util.Map.of("k", 1, "l", 2))) {
            assertEquals(value, roundTrip(kryo, value), value.getClass().getName());
        }
    }

    @Test
    void theCanonicalConstructorValidatesOnTheReceivingSide() {
        // RecordSerializer rebuilds records through their constructor: a slice with a negative index cannot exist.
        assertThrows(IllegalArgumentException.class, () -> new RangeSlice(-1, 0, 1));
        assertEquals(new RangeSlice(1, 0, 1), roundTrip(kryo(), new RangeSlice(1, 0, 1)));
    }

    @Test
    void aHadoopConfigurationSurvivesSparksKryo() {
        // broadcast values travel by Kryo: the configuration (a transient field written by writeObject) must arrive
        org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration(false);
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:9000");
        HadoopConf back = roundTrip(kryo(), new HadoopConf(conf));
        assertEquals("http://127.0.0.1:9000", back.value().get("fs.s3a.endpoint"));
    }

    @Test
    void registratorListsGainOursOnce() {
        String ours = BiosparkKryoRegistrator.class.getName();
        assertEquals(ours, SparkSessions.withOurs("", ours));
        assertEquals("a.B," + ours, SparkSessions.withOurs("a.B", ours));
        assertEquals("a.B, " + ours, SparkSessions.withOurs("a.B, " + ours, ours));
    }
}
