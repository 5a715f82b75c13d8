package org.biospark.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled samples copied from golden data are those files, byte for byte, gzipped or not. */
class SamplesTest {
    @TempDir
    Path tmp;

    @Test
    void theSamplesOfGoldenDataAreTheGoldenFiles() throws IOException {
        Map<String, String> copies = Map.of(Samples.EXAMPLE_RANKS, "example.rnk", Samples.REACTOME_SETS,
                "example.gmt", Samples.SYNTH_EXPRESSION, "synth.gct", Samples.SYNTH_SETS, "synth.gmt",
                Samples.SYNTH_LABELS, "synth.cls");
        for (Map.Entry<String, String> e : copies.entrySet()) {
            Path sample = Samples.extract(e.getKey(), tmp);
            try (InputStream in = Files.newInputStream(sample);
                 InputStream plain = e.getKey().endsWith(".gz") ? new GZIPInputStream(in) : in) {
                assertArrayEquals(Golden.GENESET.open(e.getValue()).readAllBytes(), plain.readAllBytes(),
                        e.getKey());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Samples.open("nothing.fa"));
    }
}
