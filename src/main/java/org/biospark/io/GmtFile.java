package org.biospark.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Gene sets in GMT format: one set per line, tab-separated: name, description, then its genes (empty fields and
 * repeated genes ignored). A line with fewer than 3 fields, or a name seen before, is skipped with its reason.
 *
 * @param file     where it came from
 * @param sets     set name to its genes, in file order
 * @param lines    set name to its line number
 * @param problems the lines skipped
 */
public record GmtFile(String file, Map<String, List<String>> sets, Map<String, Long> lines, List<LineProblem> problems) {

    /** Reads a GMT stream (plain text). */
    public static GmtFile read(InputStream in, String file) throws IOException {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        List<LineProblem> problems = new ArrayList<>();
        TextFiles.Lines reader = TextFiles.utf8(in, file);
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            String name = fields[0].strip();
            if (fields.length < 3 || name.isEmpty()) {
                problems.add(new LineProblem(file, lineNumber, name,
                        "a gene set needs a name, a description and genes: found " + fields.length + " fields"));
            } else if (sets.containsKey(name)) {
                problems.add(new LineProblem(file, lineNumber, name,
                        "duplicate gene set name (first at line " + firstLine.get(name) + ")"));
            } else {
                LinkedHashSet<String> genes = new LinkedHashSet<>();
                for (int i = 2; i < fields.length; i++) {
                    if (!fields[i].isBlank()) {
                        genes.add(fields[i].strip());
                    }
                }
                sets.put(name, List.copyOf(genes));
                firstLine.put(name, lineNumber);
            }
        }
        return new GmtFile(file, sets, java.util.Collections.unmodifiableMap(firstLine), List.copyOf(problems));
    }
}
