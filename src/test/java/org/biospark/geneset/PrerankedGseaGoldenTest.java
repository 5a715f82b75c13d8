package org.biospark.geneset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.biospark.io.GmtFile;
import org.biospark.io.RankFile;
import org.biospark.testing.Golden;
import org.junit.jupiter.api.Test;

/** NES, p and BH against fgseaSimple 1.31.6 (10,000 permutations), q and FWER against GSEA desktop 4.4.0. */
class PrerankedGseaGoldenTest {
    /** Spearman's rank correlation (average ranks for ties). */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double[] ranks(double[] x) {
        Integer[] order = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (i, j) -> Double.compare(x[i], x[j]));
        double[] r = new double[x.length];
        for (int k = 0; k < x.length; ) {
            int end = k;
            while (end + 1 < x.length && x[order[end + 1]] == x[order[k]]) {
                end++;
            }
            for (int t = k; t <= end; t++) {
                r[order[t]] = (k + end) / 2.0 + 1;
            }
            k = end + 1;
        }
        return r;
    }

    @Test
    void nesAndPValuesAgreeWithFgseaSimple() throws IOException {
        RankedList list = RankedList.of(RankFile.read(Golden.GENESET.open("example.rnk"), "example.rnk").scores());
        Map<String, List<String>> sets = GmtFile.read(Golden.GENESET.open("example.gmt"), "example.gmt").sets();
        List<GseaResult<String>> results = PrerankedGsea.run(list, sets,
                new PrerankedGsea.Options(1.0, 10_000, 15, 500, 42));
        assertEquals(586, results.size());
        Map<String, GseaResult<String>> byName = new HashMap<>();
        results.forEach(r -> byName.put(r.name(), r));

        // pathway pval padj ES NES size nMoreExtreme
        List<String[]> golden = Golden.GENESET.rows("fgsea_simple_example.tsv");
        double[] ours = new double[golden.size()];
        double[] theirs = new double[golden.size()];
        // Both NES are Monte Carlo estimates from 10,000 random sets per size: their difference is noise of about
        // 0.01, with no bias. A wrong null (another denominator, the wrong sign) shifts every set by far more.
        double worstNes = 0;
        double signedSum = 0;
        int within = 0;
        for (int i = 0; i < golden.size(); i++) {
            String[] g = golden.get(i);
            GseaResult<String> r = byName.get(g[0]);
            double difference = r.nes() - Double.parseDouble(g[4]);
            worstNes = Math.max(worstNes, Math.abs(difference));
            signedSum += difference;
            within += Math.abs(difference) <= 0.02 ? 1 : 0;
            ours[i] = r.pval();
            theirs[i] = Double.parseDouble(g[1]);
        }
        assertTrue(Math.abs(signedSum / golden.size()) <= 0.01, "NES bias " + signedSum / golden.size());
        assertTrue(within >= 0.95 * golden.size(), within + " of " + golden.size() + " sets within 0.02");
        assertTrue(worstNes <= 0.035, "largest NES difference " + worstNes);
        double rho = spearman(ours, theirs);
        assertTrue(rho >= 0.99, "Spearman of p-values " + rho);
    }

    /**
     * GSEA desktop 4.4.0 at 1,000 permutations: FDR q and FWER on the same scale. Both are Monte Carlo estimates
     * from different random streams, so they are compared as GSEA users read them: the same sets pass q < 0.25,
     * and the values differ by little where they matter.
     */
    @Test
    void fdrQAndFwerAgreeWithGseaDesktop() throws IOException {
        RankedList list = RankedList.of(RankFile.read(Golden.GENESET.open("example.rnk"), "example.rnk").scores());
        Map<String, List<String>> sets = GmtFile.read(Golden.GENESET.open("example.gmt"), "example.gmt").sets();
        Map<String, GseaResult<String>> byName = new HashMap<>();
        PrerankedGsea.run(list, sets, new PrerankedGsea.Options(1.0, 1000, 15, 500, 42))
                .forEach(r -> byName.put(r.name().toUpperCase(java.util.Locale.ROOT), r));
        // pathway pval q ES NES size fwer
        List<String[]> golden = Golden.GENESET.rows("gsea_desktop_preranked_example.tsv");
        int agreeAtQuarter = 0;
        int agreeFwer = 0;
        double worstQ = 0;
        double[] ours = new double[golden.size()];
        double[] theirs = new double[golden.size()];
        for (int i = 0; i < golden.size(); i++) {
            String[] g = golden.get(i);
            GseaResult<String> r = byName.get(g[0]);
            double q = Double.parseDouble(g[2]);
            double fwer = Double.parseDouble(g[6]);
            agreeAtQuarter += (r.fdrQ() < 0.25) == (q < 0.25) ? 1 : 0;
            agreeFwer += (r.fwer() < 0.05) == (fwer < 0.05) ? 1 : 0;
            worstQ = Math.max(worstQ, Math.abs(r.fdrQ() - q));
            ours[i] = r.fdrQ();
            theirs[i] = q;
        }
        // both are estimates from different random streams, so sets near a threshold may disagree; an FWER that
        // reads the nested per-size nulls jointly without decorrelating them disagrees on far more sets, which the
        // FWER bound catches
        assertTrue(agreeAtQuarter >= 565, agreeAtQuarter + " of 586 sets agree on q < 0.25");
        assertTrue(spearman(ours, theirs) >= 0.99, "Spearman of q " + spearman(ours, theirs));
        assertTrue(worstQ <= 0.2, "largest q difference " + worstQ);
        assertTrue(agreeFwer >= 565, agreeFwer + " of 586 sets agree on FWER < 0.05");
    }

    @Test
    void benjaminiHochbergEqualsRsPAdjust() throws IOException {
        List<String[]> golden = Golden.GENESET.rows("fgsea_simple_example.tsv");
        double[] p = golden.stream().mapToDouble(g -> Double.parseDouble(g[1])).toArray();
        double[] expected = golden.stream().mapToDouble(g -> Double.parseDouble(g[2])).toArray();
        assertArrayEquals(expected, MultipleTesting.benjaminiHochberg(p), 1e-12);
    }

    @Test
    void nullsDoNotDependOnHowPermutationsAreSplit() {
        double[] weights = new double[2000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.abs(Math.sin(i)) * 3;
        }
        int[] sizes = {5, 17, 150};
        double[][] whole = PermutationNulls.compute(weights, sizes, 7, 0, 100);
        double[][] first = PermutationNulls.compute(weights, sizes, 7, 0, 37);
        double[][] rest = PermutationNulls.compute(weights, sizes, 7, 37, 100);
        for (int s = 0; s < sizes.length; s++) {
            double[] joined = new double[100];
            System.arraycopy(first[s], 0, joined, 0, 37);
            System.arraycopy(rest[s], 0, joined, 37, 63);
            assertArrayEquals(whole[s], joined, 0.0, "size " + sizes[s]);
        }
        double[][] otherSeed = PermutationNulls.compute(weights, sizes, 8, 0, 100);
        assertTrue(!Arrays.equals(whole[2], otherSeed[2]), "a different seed gives a different null");
    }
}
