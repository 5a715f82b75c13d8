package org.biospark.spark.run;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Kryo serializer for Java records. The Kryo 4 inside Spark writes fields through {@code Unsafe} offsets, which the
 * JVM refuses for records; this one reads the components through their accessors and rebuilds the record through its
 * canonical constructor, so its validation runs on the receiving side too.
 */
public final class RecordSerializer<T> extends Serializer<T> {
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;

    /** Kryo's reflection factory calls this constructor for each record class it meets. */
    public RecordSerializer(Kryo kryo, Class<T> type) {
        setImmutable(true);
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            accessors = new MethodHandle[components.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                components[i].getAccessor().setAccessible(true);
                accessors[i] = lookup.unreflect(components[i].getAccessor());
            }
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            constructor = lookup.unreflectConstructor(canonical);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot serialize record " + type.getName(), e);
        }
    }

    @Override
    public void write(Kryo kryo, Output output, T record) {
        for (MethodHandle accessor : accessors) {
            try {
                kryo.writeClassAndObject(output, accessor.invoke(record));
            } catch (Throwable e) {
                throw new KryoException("cannot write a component of " + record.getClass().getName(), e);
            }
        }
    }

    @Override
    public T read(Kryo kryo, Input input, Class<T> type) {
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = kryo.readClassAndObject(input);
        }
        try {
            return type.cast(constructor.invokeWithArguments(values));
        } catch (Throwable e) {
            throw new KryoException("cannot rebuild a " + type.getName(), e);
        }
    }
}
