package org.biospark.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample classes in GSEA's categorical CLS format: "samples classes 1", then "# name1 name2 ...", then one label
 * per sample (a class name, or its 0-based index). Malformed files are {@link InvalidInputException}s; whether the
 * label count matches the expression matrix is for the caller to check.
 *
 * @param file    where it came from
 * @param classes class names, in the order of the '#' line
 * @param labels  each sample's class name, in sample order
 */
public record ClsFile(String file, List<String> classes, List<String> labels) {

    public static ClsFile read(InputStream in, String file) throws IOException {
        TextFiles.Lines reader = TextFiles.utf8(in, file);
        String counts = reader.readLine();
        String names = reader.readLine();
        String values = reader.readLine();
        if (counts == null || names == null || values == null) {
            throw new InvalidInputException(file, "a CLS file has three lines: counts, '# class names', labels");
        }
        String[] c = counts.strip().split("\\s+");
        if (c.length < 2 || !c[0].matches("\\d{1,9}") || !c[1].matches("\\d{1,9}")) {
            throw new InvalidInputException(file, 1, "expected 'samples classes 1' (whole numbers), found '"
                    + counts.strip() + "'");
        }
        if (!names.startsWith("#")) {
            throw new InvalidInputException(file, 2, "expected '# class names'");
        }
        List<String> classes = List.of(names.substring(1).strip().split("\\s+"));
        List<String> labels = new ArrayList<>();
        for (String label : values.strip().split("\\s+")) {
            labels.add(label.matches("\\d{1,9}") && Integer.parseInt(label) < classes.size() && !classes.contains(label)
                    ? classes.get(Integer.parseInt(label)) : label);
        }
        for (String label : labels) {
            if (!classes.contains(label)) {
                throw new InvalidInputException(file, 3, "label '" + label + "' is not one of the classes " + classes);
            }
        }
        if (Integer.parseInt(c[0]) != labels.size()) {
            throw new InvalidInputException(file, 3, "the header declares " + c[0] + " samples, the labels are "
                    + labels.size());
        }
        return new ClsFile(file, classes, List.copyOf(labels));
    }
}
