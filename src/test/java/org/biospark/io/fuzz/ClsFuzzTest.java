package org.biospark.io.fuzz;

import java.io.ByteArrayInputStream;

import org.biospark.io.ClsFile;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** CLS labels: every label one of the classes, as many as declared, or bad input. */
class ClsFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void cls(byte[] input) {
        ClsFile cls = FuzzChecks.readOrRefuse(input, () -> ClsFile.read(new ByteArrayInputStream(input),
                FuzzChecks.FILE));
        if (cls != null) {
            cls.labels().forEach(l -> FuzzChecks.check(cls.classes().contains(l), "a label of no class: " + l));
        }
    }
}
