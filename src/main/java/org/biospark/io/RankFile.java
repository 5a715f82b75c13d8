package org.biospark.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ranked gene list in GSEA's RNK format: one gene and its statistic per line, tab-separated; '#' lines are
 * comments, and a first line whose statistic is not a number is taken as a header. A line with another field
 * count, a statistic that is not a finite number, or a gene seen before is skipped with its reason. When asked to
 * collapse duplicates, a gene seen before keeps the line with the largest |statistic| (the first on a tie) and the
 * other lines are reported as collapsed, so every line is still accounted for.
 *
 * @param file     where it came from
 * @param scores   gene to statistic, in file order, first occurrence kept
 * @param problems the lines skipped (or collapsed)
 */
public record RankFile(String file, Map<String, Double> scores, List<LineProblem> problems) {

    /** Reads an RNK stream (plain text); a duplicate gene is a problem line. */
    public static RankFile read(InputStream in, String file) throws IOException {
        return read(in, file, false);
    }

    /** Reads an RNK stream (plain text), collapsing duplicate genes by maximum |statistic| when asked. */
    public static RankFile read(InputStream in, String file, boolean collapseDuplicates) throws IOException {
        RankScores scores = new RankScores(collapseDuplicates, "line");
        List<LineProblem> problems = new ArrayList<>();
        TextFiles.Lines reader = TextFiles.utf8(in, file);
        long lineNumber = 0;
        boolean first = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2 || fields[0].isBlank()) {
                String[] words = line.strip().split("[ ,;]+");
                String hint = fields.length == 1 && words.length == 2 && !words[0].isEmpty()
                        ? ": the gene and the statistic are separated by " + separator(line) + ", not a tab" : "";
                problems.add(new LineProblem(file, lineNumber, hint.isEmpty() ? fields[0].strip() : words[0],
                        "expected 2 tab-separated fields (gene, statistic), found " + fields.length + hint));
                first = false;
                continue;
            }
            String gene = fields[0].strip();
            Double score = parse(fields[1].strip());
            if (score == null && first) {
                first = false; // a header line
                continue;
            }
            first = false;
            if (score == null || score.isNaN() || score.isInfinite()) {
                problems.add(new LineProblem(file, lineNumber, gene,
                        "statistic '" + fields[1].strip() + "' is not a finite number"));
            } else {
                RankScores.Problem p = scores.add(gene, score, lineNumber);
                if (p != null) {
                    problems.add(new LineProblem(file, p.position(), gene, p.reason()));
                }
            }
        }
        return new RankFile(file, scores.scores(), List.copyOf(problems));
    }

    /** The first character between a line's first two words: a space, a comma or a semicolon. */
    private static String separator(String line) {
        String stripped = line.strip();
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == ' ' || c == ',' || c == ';') {
                return c == ' ' ? "a space" : "'" + c + "'";
            }
        }
        return "?";
    }

    private static Double parse(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
