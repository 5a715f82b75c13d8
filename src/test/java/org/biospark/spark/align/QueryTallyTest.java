package org.biospark.spark.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.biospark.io.SequenceRecord;
import org.junit.jupiter.api.Test;

import scala.Tuple2;

class QueryTallyTest {
    private static Tuple2<SourcedRecord, String> record(String id, String sequence, String problem) {
        return new Tuple2<>(new SourcedRecord("f.fa", new SequenceRecord(id, sequence, null, 1, 1)), problem);
    }

    @Test
    void countsLengthsAndRepeatedIdsAcrossPartitions() {
        QueryTally first = QueryTally.of(List.of(record("a", "ACGT", null), record("b", "AC", null),
                record("bad", "AXGT", "invalid residue"), record("c", "ACGT", null)).iterator(), 2, 1000);
        QueryTally second = QueryTally.of(List.of(record("a", "ACG", null), record("d", "A", null),
                record("a", "AC", null), record("c", "TT", null), record("bad", "", "empty sequence")).iterator(), 2,
                1000);
        QueryTally all = QueryTally.merge(List.of(first, second));
        assertEquals(9, all.read());
        assertEquals(2, all.invalid());
        assertEquals(7, all.valid());
        assertEquals(Map.of(4, 2L, 2, 3L, 3, 1L, 1, 1L), all.validLengths());
        assertTrue(all.hasHashes());
        // "a" three times and "c" twice, each reported once; the invalid "bad" twice is not a duplicate here.
        long[] expected = {IdHash.of("a"), IdHash.of("c")};
        java.util.Arrays.sort(expected);
        assertArrayEquals(expected, all.repeatedHashes());
    }

    @Test
    void leavesTheHashesToTheExecutorsWhenThereWouldBeTooMany() {
        // Three valid records in one of four partitions: about twelve in all, over a limit of ten.
        QueryTally big = QueryTally.of(List.of(record("a", "A", null), record("b", "A", null),
                record("c", "A", null)).iterator(), 4, 10);
        QueryTally small = QueryTally.of(List.of(record("d", "A", null)).iterator(), 4, 10);
        assertFalse(big.hasHashes());
        assertTrue(small.hasHashes());
        QueryTally all = QueryTally.merge(List.of(small, big));
        assertFalse(all.hasHashes());
        assertEquals(4, all.valid());
    }

    @Test
    void idHashesAreEqualForEqualIdsAndDifferOtherwise() {
        assertEquals(IdHash.of("read_1/1"), IdHash.of(new String("read_1/1")));
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(seen.add(IdHash.of("read_" + i)), "collision at read_" + i);
        }
    }
}
