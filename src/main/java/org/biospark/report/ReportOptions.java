package org.biospark.report;

/**
 * What a report draws.
 *
 * @param datasets gsea: the datasets that get a page of their own (tables, plots), most significant first
 * @param plots    gsea: the enrichment plots per dataset page (0 for none)
 * @param rows     align: the rows of the best-hit table
 */
public record ReportOptions(int datasets, int plots, int rows) {
    public static final ReportOptions DEFAULT = new ReportOptions(20, 6, 2000);

    public ReportOptions {
        if (datasets < 0 || plots < 0 || rows < 0) {
            throw new org.biospark.UsageException("report limits must not be negative");
        }
    }
}
