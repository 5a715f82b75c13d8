package org.biospark.spark.align;

/**
 * A 64-bit hash of a record id (FNV-1a over the UTF-16 code units, then MurmurHash3's 64-bit finaliser): equal ids
 * give equal hashes, and among a billion distinct ids a collision is unlikely (and harmless: the ids whose hashes
 * repeat are compared exactly).
 */
final class IdHash {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private IdHash() {
    }

    static long of(String id) {
        long h = OFFSET;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
