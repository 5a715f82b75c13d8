package org.biospark.geneset;

/**
 * What a null distribution of ES says about an observed ES, as fgsea counts it: nominal p = the smaller of
 * (1 + nulls <= ES) / (1 + nulls <= 0) and (1 + nulls >= ES) / (1 + nulls >= 0); NES = ES over the mean of the
 * nulls of its sign; the number of nulls at least as extreme on ES's side.
 */
record NullSummary(double pval, double nes, long moreExtreme) {
    static NullSummary of(double es, double[] nulls) {
        long le = 0;
        long ge = 0;
        long leZero = 0;
        long geZero = 0;
        double leZeroSum = 0;
        double geZeroSum = 0;
        for (double x : nulls) {
            le += x <= es ? 1 : 0;
            ge += x >= es ? 1 : 0;
            if (x <= 0) {
                leZero++;
                leZeroSum += x;
            }
            if (x >= 0) {
                geZero++;
                geZeroSum += x;
            }
        }
        double p = Math.min(1.0, Math.min((1.0 + le) / (1.0 + leZero), (1.0 + ge) / (1.0 + geZero)));
        double nes = es / (es > 0 ? geZeroSum / geZero : Math.abs(leZeroSum / leZero));
        return new NullSummary(p, nes, es > 0 ? ge : le);
    }
}
