package org.biospark.io.fuzz;

import java.io.ByteArrayInputStream;

import org.biospark.io.LineProblem;
import org.biospark.io.RankFile;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** RNK files, duplicates collapsed or not: finite statistics and rejected lines with their reason, or bad input. */
class RnkFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void rnk(FuzzedDataProvider data) {
        boolean collapse = data.consumeBoolean();
        byte[] input = data.consumeRemainingAsBytes();
        RankFile rnk = FuzzChecks.readOrRefuse(input, () -> RankFile.read(new ByteArrayInputStream(input),
                FuzzChecks.FILE, collapse));
        if (rnk != null) {
            rnk.scores().values().forEach(v -> FuzzChecks.check(Double.isFinite(v), "a statistic " + v));
            for (LineProblem p : rnk.problems()) {
                FuzzChecks.check(p.line() >= 1 && p.line() <= FuzzChecks.lines(input), "a problem's line: " + p);
            }
        }
    }
}
