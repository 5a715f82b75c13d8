package org.biospark.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory of golden files under {@code src/test/resources/golden}: the outputs of the reference tools the tests
 * compare against (see the README in each directory for how they were made), read from the test classpath.
 */
public final class Golden {
    /** Alignment scores from parasail and EMBOSS, and the sequences they were computed on. */
    public static final Golden ALIGN = new Golden("/golden/align/");
    /** Gene set analyses from fgsea, GSEA desktop and R, and their inputs. */
    public static final Golden GENESET = new Golden("/golden/geneset/");

    private final String dir;

    private Golden(String dir) {
        this.dir = dir;
    }

    /** The file itself, for the jobs and commands that take a path. */
    public Path path(String name) {
        try {
            return Path.of(url(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public InputStream open(String name) throws IOException {
        return url(name).openStream();
    }

    public String text(String name) throws IOException {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every line, the header too. */
    public List<String> lines(String name) throws IOException {
        return List.of(text(name).split("\n"));
    }

    /** Every line split on tabs, for the files without a header (or whose readers tell it from the data). */
    public List<String[]> fields(String name) throws IOException {
        return lines(name).stream().map(Golden::split).toList();
    }

    /** The lines after the header, split on tabs; empty fields are kept, so columns keep their positions. */
    public List<String[]> rows(String name) throws IOException {
        List<String[]> all = fields(name);
        return all.subList(1, all.size());
    }

    /** The lines after the header, each a map from the header's column names to the line's fields. */
    public List<Map<String, String>> table(String name) throws IOException {
        List<String[]> all = fields(name);
        String[] header = all.get(0);
        return all.subList(1, all.size()).stream().map(fields -> {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], fields[c]);
            }
            return row;
        }).toList();
    }

    private static String[] split(String line) {
        return line.split("\t", -1);
    }

    private URL url(String name) {
        URL url = Golden.class.getResource(dir + name);
        if (url == null) {
            throw new IllegalArgumentException("missing test resource " + dir + name);
        }
        return url;
    }

    /** A FASTA file's records, name (the first word of the header) to sequence, in file order. */
    public Map<String, String> fasta(String name) throws IOException {
        Map<String, String> records = new java.util.LinkedHashMap<>();
        String id = null;
        StringBuilder sequence = new StringBuilder();
        for (String line : lines(name)) {
            if (line.startsWith(">")) {
                if (id != null) {
                    records.put(id, sequence.toString());
                }
                id = line.substring(1).trim().split("\\s+")[0];
                sequence.setLength(0);
            } else {
                sequence.append(line.trim());
            }
        }
        if (id != null) {
            records.put(id, sequence.toString());
        }
        return records;
    }
}
