package org.biospark.io.fuzz;

import java.io.ByteArrayInputStream;

import org.biospark.io.GmtFile;
import org.biospark.io.LineProblem;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** GMT files: every line a set or a rejected line with its reason, or bad input. */
class GmtFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void gmt(byte[] input) {
        GmtFile gmt = FuzzChecks.readOrRefuse(input, () -> GmtFile.read(new ByteArrayInputStream(input),
                FuzzChecks.FILE));
        if (gmt != null) {
            for (LineProblem p : gmt.problems()) {
                FuzzChecks.check(p.line() >= 1 && p.line() <= FuzzChecks.lines(input), "a problem's line: " + p);
            }
            gmt.lines().values().forEach(line -> FuzzChecks.check(line >= 1 && line <= FuzzChecks.lines(input),
                    "a set's line: " + line));
            FuzzChecks.check(gmt.sets().size() + gmt.problems().size() <= FuzzChecks.lines(input),
                    "more sets and problems than lines");
        }
    }
}
