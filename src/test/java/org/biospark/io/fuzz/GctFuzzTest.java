package org.biospark.io.fuzz;

import java.io.ByteArrayInputStream;

import org.biospark.io.GctFile;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** GCT and TSV matrices: a row per gene of finite values, one per sample, or rejected lines, or bad input. */
class GctFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void gct(byte[] input) {
        GctFile gct = FuzzChecks.readOrRefuse(input, () -> GctFile.read(new ByteArrayInputStream(input),
                FuzzChecks.FILE));
        if (gct != null) {
            FuzzChecks.check(gct.values().length == gct.genes().size(), "a row per gene");
            for (double[] row : gct.values()) {
                FuzzChecks.check(row.length == gct.samples().size(), "a value per sample");
                for (double v : row) {
                    FuzzChecks.check(Double.isFinite(v), "a value " + v);
                }
            }
            java.util.List<String> samples = FuzzChecks.readOrRefuse(input,
                    () -> GctFile.samples(new ByteArrayInputStream(input), FuzzChecks.FILE));
            FuzzChecks.check(gct.samples().equals(samples), "the header alone gives the same samples");
        }
    }
}
