package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.biospark.geneset.SingleSampleAnalysis.Method;
import org.biospark.geneset.SingleSampleAnalysis.Options;
import org.biospark.io.GctFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * GSVA's four methods against R's GSVA 1.46 ({@code golden/geneset/gsva/regenerate.R}), on the shared development
 * data and on a matrix made for the edge cases (ties, a constant gene, a repeated gene, sets of size one, counts):
 * every score to 1e-6 relative, or to 1e-6 of the scores' range where a score is near zero.
 */
class SingleSampleGoldenTest {
    private static final String DIR = "gsva/";

    @Test
    void theGaussianKernelsTableIsGsvas() throws IOException {
        List<String> r = Golden.GENESET.lines(DIR + "pnorm_table.txt");
        assertEquals(10001, r.size());
        int exact = 0;
        for (int i = 0; i < r.size(); i++) {
            double expected = Double.parseDouble(r.get(i));
            double ours = GeneDensity.tableEntry(i);
            assertTrue(Math.abs(ours - expected) <= 2 * Math.ulp(expected), i + ": " + ours + " against " + expected);
            exact += ours == expected ? 1 : 0;
        }
        // R's pnorm (Cody's rational approximations) is within an ulp or two of the exact value, as is ours; they
        // differ below the precision that could reorder two genes, which the scores below check
        assertTrue(exact > 9_000, exact + " of 10001 entries equal to the bit");
    }

    @Test
    void theDevelopmentDataScoresAreGsvas() throws IOException {
        compare("gsva_dev.tsv", "synth.gct", "synth.gmt");
    }

    @Test
    void theEdgeCasesScoresAreGsvas() throws IOException {
        compare("gsva_edge.tsv", DIR + "edge.gct", DIR + "edge.gmt");
        compare("gsva_counts.tsv", DIR + "edge_counts.gct", DIR + "edge.gmt");
    }

    /** The options each variant of regenerate.R ran with. */
    private static Options options(String variant) {
        Options d = Options.defaults(Method.valueOf(variant.replaceAll("_.*", "").toUpperCase()));
        return switch (variant) {
            case "gsva_max" -> new Options(d.method(), d.kernel(), d.tau(), false, false, true, 1, Integer.MAX_VALUE);
            case "gsva_abs" -> new Options(d.method(), d.kernel(), d.tau(), true, true, true, 1, Integer.MAX_VALUE);
            case "gsva_tau" -> new Options(d.method(), d.kernel(), 0.5, true, false, true, 1, Integer.MAX_VALUE);
            case "gsva_none" -> new Options(d.method(), GeneDensity.Kernel.NONE, 1, true, false, true, 1,
                    Integer.MAX_VALUE);
            case "gsva_poisson" -> new Options(d.method(), GeneDensity.Kernel.POISSON, 1, true, false, true, 1,
                    Integer.MAX_VALUE);
            case "gsva_min2" -> new Options(d.method(), d.kernel(), d.tau(), true, false, true, 2, 45);
            case "ssgsea_raw" -> new Options(d.method(), d.kernel(), d.tau(), true, false, false, 1,
                    Integer.MAX_VALUE);
            case "ssgsea_tau" -> new Options(d.method(), d.kernel(), 0.75, true, false, true, 1, Integer.MAX_VALUE);
            default -> d;
        };
    }

    /**
     * A singular vector's sign is arbitrary, and R's is whatever its LAPACK returns: each of our sets' rows is
     * flipped, as a whole, where that matches R's, so that the comparison checks everything but the sign.
     */
    private static void orientLike(Map<String, Double> theirs, Map<String, Double> ours) {
        Map<String, Double> agreement = new HashMap<>();
        theirs.forEach((key, value) -> agreement.merge(key.split("\t")[0], value * ours.get(key), Double::sum));
        ours.replaceAll((key, value) -> agreement.get(key.split("\t")[0]) < 0 ? -value : value);
    }

    private static void compare(String golden, String gct, String gmt)
            throws IOException {
        GctFile matrix = GctFile.read(Golden.GENESET.open(gct), gct);
        Map<String, List<String>> sets = new LinkedHashMap<>();
        for (String[] f : Golden.GENESET.fields(gmt)) {
            sets.put(f[0], List.of(f).subList(2, f.length));
        }
        Map<String, Map<String, Double>> expected = new LinkedHashMap<>();
        for (String[] f : Golden.GENESET.rows(DIR + golden)) {
            expected.computeIfAbsent(f[0], v -> new HashMap<>()).put(f[1] + "\t" + f[2], Double.parseDouble(f[3]));
        }
        for (Map.Entry<String, Map<String, Double>> variant : expected.entrySet()) {
            String name = variant.getKey();
            SingleSampleAnalysis.Result result = SingleSampleAnalysis.run(matrix.genes(), matrix.values(), sets,
                    options(name));
            Map<String, Double> ours = new HashMap<>();
            for (int k = 0; k < result.sets().size(); k++) {
                for (int j = 0; j < matrix.samples().size(); j++) {
                    ours.put(result.sets().get(k) + "\t" + matrix.samples().get(j), result.scores()[k][j]);
                }
            }
            Map<String, Double> theirs = new HashMap<>(variant.getValue());
            if (name.equals("plage")) {
                // R's svd of a one-gene set is 1x1, recycled to 1 in every sample; ours is the gene's profile
                theirs.keySet().removeIf(key -> key.startsWith("ONE\t"));
                ours.keySet().removeIf(key -> key.startsWith("ONE\t"));
            }
            assertEquals(new java.util.TreeSet<>(theirs.keySet()), new java.util.TreeSet<>(ours.keySet()),
                    name + ": the same sets and samples");
            if (name.equals("plage")) {
                orientLike(theirs, ours);
            }
            double range = theirs.values().stream().mapToDouble(Math::abs).max().orElse(1);
            List<String> off = new ArrayList<>();
            for (Map.Entry<String, Double> e : theirs.entrySet()) {
                double a = ours.get(e.getKey());
                double b = e.getValue();
                if (Math.abs(a - b) > 1e-6 * Math.max(Math.abs(b), name.startsWith("ssgsea") ? range : 0)) {
                    off.add(e.getKey() + ": " + a + " against " + b);
                }
            }
            assertTrue(off.isEmpty(), golden + " " + name + ": " + off.size() + " of " + theirs.size()
                    + " scores differ, first " + off.subList(0, Math.min(5, off.size())));
        }
    }
}
