package org.biospark.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The scaling arithmetic against values worked out by hand. */
class ScalingLawsTest {
    @Test
    void aJobThatIsTenPercentSerialFitsAmdahlExactly() {
        // T(k) = 100 (0.1 + 0.9 / k): 100, 55, 32.5, 21.25
        List<ScalingLaws.Point> points = List.of(new ScalingLaws.Point(1, 100), new ScalingLaws.Point(2, 55),
                new ScalingLaws.Point(4, 32.5), new ScalingLaws.Point(8, 21.25));
        ScalingLaws.Amdahl fit = ScalingLaws.amdahl(points);
        assertEquals(0.1, fit.serial(), 1e-12);
        assertEquals(100, fit.oneCore(), 1e-9);
        assertEquals(1 / (0.1 + 0.9 / 16), fit.speedup(16), 1e-9);
        assertEquals(1 / (0.1 + 0.9 / 256), fit.speedup(256), 1e-9);
        double s2 = ScalingLaws.speedup(100, 55);
        assertEquals(100 / 55.0, s2, 1e-12);
        assertEquals(s2 / 2, ScalingLaws.efficiency(s2, 2), 1e-12);
        // Karp-Flatt recovers the serial fraction of an Amdahl job at every parallelism
        for (ScalingLaws.Point p : points.subList(1, points.size())) {
            assertEquals(0.1, ScalingLaws.karpFlatt(ScalingLaws.speedup(100, p.seconds()), p.cores()), 1e-12);
        }
        assertTrue(Double.isNaN(ScalingLaws.karpFlatt(1, 1)));
    }

    @Test
    void noisyTimesFitByLeastSquaresAndTheFractionStaysInRange() {
        // a line through (1, 10), (1/2, 6) and (1/2, 7): a + b = 10 and a + b/2 = 6.5 in least squares
        ScalingLaws.Amdahl fit = ScalingLaws.amdahl(List.of(new ScalingLaws.Point(1, 10),
                new ScalingLaws.Point(2, 6), new ScalingLaws.Point(2, 7)));
        assertEquals(3.0 / 10, fit.serial(), 1e-12);
        // slower with more cores: the fit says all serial, not a negative parallel part
        ScalingLaws.Amdahl worse = ScalingLaws.amdahl(List.of(new ScalingLaws.Point(1, 10),
                new ScalingLaws.Point(2, 12)));
        assertEquals(1, worse.serial());
        assertThrows(IllegalArgumentException.class, () -> ScalingLaws.amdahl(List.of(new ScalingLaws.Point(2, 1),
                new ScalingLaws.Point(2, 2))));
    }

    @Test
    void gustafsonsScaledSpeedupAndItsSerialFraction() {
        // twice the work on two cores in 1.1 times the time: S = 2 / 1.1, f = (2 - S) / 1
        double s = ScalingLaws.scaledSpeedup(10, 11, 2);
        assertEquals(20 / 11.0, s, 1e-12);
        assertEquals(2 - 20 / 11.0, ScalingLaws.gustafsonSerial(s, 2), 1e-12);
        assertEquals(4, ScalingLaws.scaledSpeedup(10, 10, 4), 1e-12);
        assertEquals(0, ScalingLaws.gustafsonSerial(4, 4), 1e-12);
    }
}
