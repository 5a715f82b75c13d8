package org.biospark.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression matrix in GSEA's GCT format (#1.2; rows and columns; NAME, Description, samples; one gene a line),
 * or a plain TSV with a header (gene, then samples). A gene line with the wrong field count, a value that is not a
 * finite number, or a gene seen before is skipped with its reason, and so is a row count that disagrees with the
 * header's.
 *
 * @param file     where it came from
 * @param samples  sample names, in column order
 * @param genes    gene names, in row order
 * @param values   {@code values[gene][sample]}
 * @param problems lines skipped, and disagreements with the header
 */
public record GctFile(String file, List<String> samples, List<String> genes, double[][] values,
                      List<LineProblem> problems) {

    /**
     * The sample names of a GCT or TSV stream, from its header alone (the rest is not read): what class labels are
     * checked against before any task reads the matrix.
     */
    public static List<String> samples(InputStream in, String file) throws IOException {
        TextFiles.Lines reader = TextFiles.utf8(in, file);
        Header header = header(reader, file);
        return header.samples();
    }

    /** Reads a GCT or TSV stream; a file with no header line is an {@link InvalidInputException}. */
    public static GctFile read(InputStream in, String file) throws IOException {
        TextFiles.Lines reader = TextFiles.utf8(in, file);
        List<LineProblem> problems = new ArrayList<>();
        Header h = header(reader, file);
        long line = h.line();
        long declaredRows = h.declaredRows();
        boolean gct = h.gct();
        String[] columns = h.columns();
        int skip = gct ? 2 : 1;
        List<String> samples = h.samples();
        List<String> genes = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            String[] fields = text.split("\t", -1);
            String gene = fields[0].strip();
            if (fields.length != columns.length) {
                problems.add(new LineProblem(file, line, gene, "expected " + columns.length + " fields, found "
                        + fields.length));
                continue;
            }
            if (seen.containsKey(gene)) {
                problems.add(new LineProblem(file, line, gene, "duplicate gene (first at line " + seen.get(gene) + ")"));
                continue;
            }
            double[] values = new double[samples.size()];
            String bad = null;
            for (int s = 0; s < values.length && bad == null; s++) {
                try {
                    values[s] = Double.parseDouble(fields[s + skip].strip());
                    bad = Double.isFinite(values[s]) ? null : fields[s + skip];
                } catch (NumberFormatException e) {
                    bad = fields[s + skip];
                }
            }
            if (bad != null) {
                problems.add(new LineProblem(file, line, gene, "value '" + bad + "' is not a finite number"));
                continue;
            }
            seen.put(gene, line);
            genes.add(gene);
            rows.add(values);
        }
        long read = genes.size() + problems.size();
        if (declaredRows >= 0 && declaredRows != read) {
            problems.add(new LineProblem(file, 2, "", "the header declares " + declaredRows + " genes, the file has "
                    + read));
        }
        return new GctFile(file, samples, List.copyOf(genes), rows.toArray(new double[0][]), List.copyOf(problems));
    }

    /**
     * How a GCT or TSV file is laid out, from its header alone: what a task needs to read any of its gene lines on
     * its own (see {@link #row}).
     *
     * @param gct          GCT (a Description column) rather than TSV
     * @param declaredRows the rows the GCT header declares, -1 for TSV
     * @param samples      sample names, in column order
     * @param headerLines  lines up to and including the column names; gene lines follow
     */
    public record Layout(boolean gct, long declaredRows, List<String> samples, long headerLines)
            implements java.io.Serializable {
        /** Fields on every gene line. */
        public int fields() {
            return samples.size() + (gct ? 2 : 1);
        }
    }

    /** The layout of a GCT or TSV stream; only its header is read. */
    public static Layout layout(InputStream in, String file) throws IOException {
        Header h = header(TextFiles.utf8(in, file), file);
        return new Layout(h.gct(), h.declaredRows(), h.samples(), h.line());
    }

    /**
     * One gene line split into its fields, or null for a blank line; a line with the wrong field count is a
     * {@link LineProblem}. Values are left as text, for the caller to say which cells it cannot use.
     */
    public static String[] row(String text, Layout layout, String file, long line, List<LineProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        String[] fields = text.split("\t", -1);
        if (fields.length != layout.fields()) {
            problems.add(new LineProblem(file, line, fields[0].strip(), "expected " + layout.fields()
                    + " fields, found " + fields.length));
            return null;
        }
        return fields;
    }

    /**
     * The header of a GCT or TSV file: whether it is GCT, the declared row count (-1 for TSV), its columns, the
     * line it is on.
     */
    private record Header(boolean gct, long declaredRows, String[] columns, long line) {
        List<String> samples() {
            return List.of(Arrays.copyOfRange(columns, gct ? 2 : 1, columns.length));
        }
    }

    private static Header header(TextFiles.Lines reader, String file) throws IOException {
        String first = reader.readLine();
        long line = 1;
        boolean gct = first != null && first.startsWith("#1.2");
        if (first != null && first.startsWith("#") && !gct && !first.contains("\t")) {
            // a version line of another GCT version, not a TSV header that starts with '#'
            throw new InvalidInputException(file, 1, "a GCT file's first line is '#1.2', this one's is '"
                    + first.strip() + "': give a GCT 1.2 file, or a TSV whose first line names the columns");
        }
        long declaredRows = -1;
        String header = first;
        if (gct) {
            String dimensions = reader.readLine();
            line++;
            String[] d = dimensions == null ? new String[0] : dimensions.strip().split("\\s+");
            if (d.length < 2) {
                throw new InvalidInputException(file, line, "expected the GCT dimensions line (rows, columns)");
            }
            try {
                declaredRows = Long.parseLong(d[0]);
                Long.parseLong(d[1]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(file, line, "the GCT dimensions line needs two whole numbers (rows,"
                        + " columns), found '" + dimensions.strip() + "'");
            }
            header = reader.readLine();
            line++;
        }
        if (header == null) {
            throw new InvalidInputException(file, line, "no header line");
        }
        String[] columns = header.split("\t", -1);
        if (columns.length < (gct ? 2 : 1)) {
            throw new InvalidInputException(file, line, "a GCT header names NAME, Description and the samples,"
                    + " tab-separated; this one has " + columns.length + " column");
        }
        return new Header(gct, declaredRows, columns, line);
    }
}
