package org.biospark.spark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectPartsTest {
    @TempDir
    Path tmp;

    @Test
    void aPartReadsBackAsWrittenNullsAndNonAsciiIncluded() {
        List<Reject> rejects = new ArrayList<>();
        rejects.add(new Reject("file:/data/c2.gmt", 17, 18, "SET_Ä", "size 3 outside 15..500", "ds1"));
        rejects.add(new Reject("file:/data/ds1.rnk", 0, 5, "", "duplicate gene (first at line 4)", null));
        rejects.add(new Reject(null, Long.MAX_VALUE, -1, null, "x".repeat(70_000), "ds1"));
        RejectParts.write(tmp.toString(), 7, 123, rejects, new Configuration());
        assertEquals(rejects, RejectParts.read(tmp.toString(), 7, new Configuration()));
        assertEquals(List.of("part-7"), names(), "only the part remains, under its unit's name");
    }

    @Test
    void aSecondAttemptLeavesOnePartAndAnEmptyListIsAPart() {
        RejectParts.write(tmp.toString(), 0, 1, List.of(), new Configuration());
        RejectParts.write(tmp.toString(), 0, 2, List.of(), new Configuration());
        assertEquals(List.of(), RejectParts.read(tmp.toString(), 0, new Configuration()));
        assertEquals(List.of("part-0"), names());
    }

    @Test
    void noPartIsWrittenWhereTheDirectoryIsGone() {
        String gone = tmp.resolve("staging-removed").toString();
        assertThrows(UncheckedIOException.class,
                () -> RejectParts.write(gone, 0, 1, List.of(), new Configuration()));
        assertTrue(!Files.exists(Path.of(gone)), "a failed run's directory is not brought back");
    }

    private List<String> names() {
        try (var files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
