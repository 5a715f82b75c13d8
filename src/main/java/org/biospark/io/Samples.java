package org.biospark.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The sample data bundled in the jar (see {@code org/biospark/samples/README.md}), copied out to files so that Spark
 * and the readers can open them like any input. Used by {@code biospark demo}, the notebooks and the Zeppelin note.
 */
public final class Samples {
    /** 1,000 random 64-bp queries (FASTA). */
    public static final String BLOG_QUERIES = "blog_queries.fa";
    /** The first 64 bp of a 16S rRNA gene (FASTA). */
    public static final String BLOG_REFERENCE = "blog_reference.fa";
    /** Seven yeast chromosome I ORFs with their flanks (FASTA), from Bioconductor's Biostrings. */
    public static final String YEAST_ORFS = "yeast_orfs.fa";
    /** Simulated reads of the yeast ORFs plus unrelated random reads (FASTQ, gzip). */
    public static final String YEAST_READS = "yeast_reads.fq.gz";
    /** fgsea's example ranks: 12,000 mouse genes with a statistic (RNK, gzip). */
    public static final String EXAMPLE_RANKS = "example.rnk.gz";
    /** fgsea's example Reactome pathways: 1,457 sets (GMT, gzip). */
    public static final String REACTOME_SETS = "reactome_example.gmt.gz";

    /** A synthetic two-group expression matrix: 8,000 genes x 16 samples, log2 scale (GCT, gzip). */
    public static final String SYNTH_EXPRESSION = "synth.gct.gz";
    /** Its 150 gene sets, 20 of them shifted in group B (GMT, gzip). */
    public static final String SYNTH_SETS = "synth.gmt.gz";
    /** Its samples' groups, 8 A and 8 B (CLS). */
    public static final String SYNTH_LABELS = "synth.cls";

    /** Every bundled sample. */
    public static final List<String> ALL = List.of(BLOG_QUERIES, BLOG_REFERENCE, YEAST_ORFS, YEAST_READS,
            EXAMPLE_RANKS, REACTOME_SETS, SYNTH_EXPRESSION, SYNTH_SETS, SYNTH_LABELS);

    private Samples() {
    }

    /** Copies one sample into {@code dir} (created if needed, an older copy replaced) and returns its path. */
    public static Path extract(String name, Path dir) {
        Path target = dir.resolve(name);
        try (InputStream in = open(name)) {
            Files.createDirectories(dir);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample " + target, e);
        }
    }

    /** Copies every sample into {@code dir}; returns the directory. */
    public static Path extractAll(Path dir) {
        ALL.forEach(name -> extract(name, dir));
        return dir;
    }

    /** The sample as a stream, straight from the jar. */
    public static InputStream open(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("no bundled sample '" + name + "'; there are " + ALL);
        }
        InputStream in = Samples.class.getResourceAsStream("/org/biospark/samples/" + name);
        if (in == null) {
            throw new IllegalStateException("the sample " + name + " is missing from the jar");
        }
        return in;
    }
}
