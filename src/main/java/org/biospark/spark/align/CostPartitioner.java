package org.biospark.spark.align;

import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.Partitioner;

/**
 * Places queries in partitions of equal alignment cost, not equal count: the cost of a query is its length times
 * the references' total length, so a few long queries do not leave one task straggling. Built on the driver from
 * the histogram of query lengths; queries of one length are laid out in the order of their key's hash, so the
 * placement is the same at any parallelism and on any cluster. Keys are {@code length + ":" + id}.
 */
final class CostPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final TreeMap<Integer, long[]> layout = new TreeMap<>(); // length -> {cost offset, count}
    private final double total;

    CostPartitioner(Map<Integer, Long> lengthCounts, int partitions) {
        this.partitions = partitions;
        long offset = 0;
        for (Map.Entry<Integer, Long> e : new TreeMap<>(lengthCounts).entrySet()) {
            layout.put(e.getKey(), new long[] {offset, e.getValue()});
            offset += (long) e.getKey() * e.getValue();
        }
        this.total = Math.max(1, offset);
    }

    static String key(int length, String id) {
        return length + ":" + id;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        String k = (String) key;
        int colon = k.indexOf(':');
        int length = Integer.parseInt(k.substring(0, colon));
        long[] slot = layout.get(length);
        if (slot == null) {
            throw new IllegalArgumentException("no query of length " + length + " was counted");
        }
        long index = Math.floorMod(k.substring(colon + 1).hashCode(), slot[1]);
        double middle = slot[0] + (index + 0.5) * length;
        return (int) Math.min(partitions - 1, Math.floor(middle / total * partitions));
    }
}
