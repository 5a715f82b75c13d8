package org.biospark.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The alignment kernel workloads of BENCHMARKS.md, written as FASTA so that parasail reads the very same files:
 * {@code reads}: 100,000 random 150-bp queries against a random 1,500-bp reference (+1/-2, gaps 5/2);
 * {@code mutated}: 2,000 mutated copies (10% substitutions, insertions, deletions) of a 1,500-bp original;
 * {@code protein}: 200 queries of about 375 residues against 300 proteins of about 375 (BLOSUM62, gaps 11/1).
 * Seeded: the same files every time.
 */
public final class AlignWorkloads {
    private static final String DNA = "ACGT";
    private static final String PROTEIN = "ARNDCQEGHILKMFPSTWYV";

    private AlignWorkloads() {
    }

    /** Writes {@code NAME_queries.fa} and {@code NAME_targets.fa} for every workload into {@code dir}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench-data"));
        SplittableRandom random = new SplittableRandom(150_1500);
        String reference = random(random, DNA, 1500);
        write(dir, "reads", generate("r", 100_000, () -> random(random, DNA, 150)), Map.of("reference", reference));

        String original = random(random, DNA, 1500);
        write(dir, "mutated", generate("m", 2_000, () -> mutate(random, original, DNA, 0.10)), Map.of("original", original));

        Map<String, String> proteins = generate("p", 300, () -> random(random, PROTEIN, 300 + random.nextInt(151)));
        write(dir, "protein", generate("q", 200, () -> random(random, PROTEIN, 300 + random.nextInt(151))), proteins);

        // Single long pairs (the striped kernel): 4 copies of a 10 kb original with 10% substitutions/indels.
        String longOriginal = random(random, DNA, 10_000);
        write(dir, "long", generate("l", 4, () -> mutate(random, longOriginal, DNA, 0.10)),
                Map.of("original", longOriginal));
    }

    private static Map<String, String> generate(String prefix, int count, java.util.function.Supplier<String> next) {
        Map<String, String> records = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            records.put(prefix + i, next.get());
        }
        return records;
    }

    static String random(SplittableRandom random, String alphabet, int length) {
        char[] s = new char[length];
        for (int i = 0; i < length; i++) {
            s[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(s);
    }

    static String mutate(SplittableRandom random, String template, String alphabet, double rate) {
        StringBuilder s = new StringBuilder(template.length() + 16);
        for (int i = 0; i < template.length(); i++) {
            double r = random.nextDouble();
            if (r < rate / 3) {
                continue;
            }
            s.append(r < 2 * rate / 3 ? alphabet.charAt(random.nextInt(alphabet.length())) : template.charAt(i));
            if (random.nextDouble() < rate / 3) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return s.toString();
    }

    private static void write(Path dir, String name, Map<String, String> queries, Map<String, String> targets) {
        writeFasta(dir.resolve(name + "_queries.fa"), queries);
        writeFasta(dir.resolve(name + "_targets.fa"), targets);
    }

    private static void writeFasta(Path file, Map<String, String> records) {
        List<String> lines = new ArrayList<>();
        records.forEach((id, seq) -> {
            lines.add(">" + id);
            lines.add(seq);
        });
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The benchmarks' mode parameter: global, local or semiglobal (all four ends free). */
    static org.biospark.align.AlignmentMode mode(String name) {
        return switch (name) {
            case "local" -> org.biospark.align.AlignmentMode.LOCAL;
            case "semiglobal" -> org.biospark.align.AlignmentMode.SEMI_GLOBAL;
            default -> org.biospark.align.AlignmentMode.GLOBAL;
        };
    }

    /**
     * Stops a benchmark of the vector kernels in a JVM that cannot run them, instead of timing the scalar fallback
     * under the vector kernel's name. JMH's {@code -jvmArgsAppend} on the command line replaces the benchmark's own
     * (and with it {@code --add-modules=jdk.incubator.vector}): repeat the module there.
     */
    static void requireVector(org.biospark.align.Aligner aligner, boolean wanted) {
        if (wanted && !aligner.vector()) {
            throw new IllegalStateException("the vector kernel cannot run in this JVM: add"
                    + " --add-modules=jdk.incubator.vector (with -jvmArgsAppend, it replaces the benchmark's own)");
        }
    }

    /** Reads a FASTA file written by this class (one line per sequence). */
    static Map<String, String> readFasta(Path file) throws IOException {
        Map<String, String> records = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            records.put(lines.get(i).substring(1), lines.get(i + 1));
        }
        return records;
    }
}
