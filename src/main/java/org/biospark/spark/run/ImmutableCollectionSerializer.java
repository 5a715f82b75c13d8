package org.biospark.spark.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/**
 * Kryo serializer for the JDK's unmodifiable collections ({@code List.of}, {@code Stream.toList()}, {@code Set.of},
 * {@code Map.of}), which Kryo 4 can write but not rebuild. They come back as unmodifiable collections with the same
 * elements in the same order (nulls allowed, as {@code Stream.toList()} allows them).
 */
public final class ImmutableCollectionSerializer extends Serializer<Object> {
    private enum Kind { LIST, SET, MAP }

    private final Kind kind;

    private ImmutableCollectionSerializer(Kind kind) {
        this.kind = kind;
        setImmutable(true);
    }

    /** Registers the serializer for every unmodifiable collection class of this JDK. */
    public static void register(Kryo kryo) {
        ImmutableCollectionSerializer lists = new ImmutableCollectionSerializer(Kind.LIST);
        ImmutableCollectionSerializer sets = new ImmutableCollectionSerializer(Kind.SET);
        ImmutableCollectionSerializer maps = new ImmutableCollectionSerializer(Kind.MAP);
        for (Object list : List.of(List.of(), List.of(1), List.of(1, 2, 3), java.util.stream.Stream.of(1).toList(),
                List.of(1, 2, 3).subList(0, 2))) {
            kryo.addDefaultSerializer(list.getClass(), lists);
        }
        for (Object set : List.of(Set.of(), Set.of(1), Set.of(1, 2, 3))) {
            kryo.addDefaultSerializer(set.getClass(), sets);
        }
        for (Object map : List.of(Map.of(), Map.of(1, 1), Map.of(1, 1, 2, 2))) {
            kryo.addDefaultSerializer(map.getClass(), maps);
        }
    }

    @Override
    public void write(Kryo kryo, Output output, Object value) {
        if (kind == Kind.MAP) {
            Map<?, ?> map = (Map<?, ?>) value;
            output.writeInt(map.size(), true);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                kryo.writeClassAndObject(output, entry.getKey());
                kryo.writeClassAndObject(output, entry.getValue());
            }
            return;
        }
        Collection<?> collection = (Collection<?>) value;
        output.writeInt(collection.size(), true);
        for (Object element : collection) {
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    public Object read(Kryo kryo, Input input, Class<Object> type) {
        int size = input.readInt(true);
        switch (kind) {
            case MAP -> {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(kryo.readClassAndObject(input), kryo.readClassAndObject(input));
                }
                return Collections.unmodifiableMap(map);
            }
            case SET -> {
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(kryo.readClassAndObject(input));
                }
                return Collections.unmodifiableSet(set);
            }
            default -> {
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(kryo.readClassAndObject(input));
                }
                return Collections.unmodifiableList(list);
            }
        }
    }
}
