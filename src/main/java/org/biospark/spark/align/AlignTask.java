package org.biospark.spark.align;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.biospark.align.Aligner;
import org.biospark.align.Alignment;
import org.biospark.align.ReverseComplement;
import org.biospark.align.Traceback;
import org.biospark.spark.run.RowLayout;

/**
 * Executor side: aligns one partition's queries (sorted by length, so the vector kernel's batches share lengths)
 * against every reference, on one or both strands, keeps the hits the settings ask for, and returns them as rows of
 * {@link AlignmentsSchema}. Hits of a query are ordered by score (high first), then reference order, '+' before '-'.
 */
final class AlignTask {
    private record Hit(int query, int reference, boolean reverse, int score) {
    }

    private AlignTask() {
    }

    static Iterator<Row> alignPartition(Iterator<SourcedRecord> input, ReferenceSet references, AlignSettings settings,
                                        LongAccumulator pairsDone) {
        return rows(input, references, settings, pairsDone).iterator();
    }

    /** The rows of {@link #alignPartition}, as a list. */
    static List<Row> rows(Iterator<SourcedRecord> input, ReferenceSet references, AlignSettings settings,
                          LongAccumulator pairsDone) {
        List<SourcedRecord> queries = new ArrayList<>();
        input.forEachRemaining(queries::add);
        queries.sort(Comparator.comparingInt((SourcedRecord q) -> q.record().sequence().length())
                .thenComparing(q -> q.record().id()));
        Aligner aligner = new Aligner(settings.scoring(), settings.mode());
        byte[][] forward = new byte[queries.size()][];
        byte[][] reverse = settings.bothStrands() ? new byte[queries.size()][] : null;
        for (int q = 0; q < forward.length; q++) {
            String sequence = queries.get(q).record().sequence();
            forward[q] = aligner.encode(sequence);
            if (reverse != null) {
                reverse[q] = aligner.encode(ReverseComplement.of(sequence));
            }
        }
        int strands = reverse == null ? 1 : 2;
        // With --traceback and every pair kept (no --top-k, no --min-score), the paths carry the scores: no score
        // pass, each pair is aligned once.
        Alignment[][] everyPath = settings.traceback() && settings.keepsEveryPair()
                ? pathsOfEveryPair(forward, reverse, references, settings, pairsDone) : null;
        int[][] scores = everyPath != null ? scoresOf(everyPath)
                : scoreAll(aligner, forward, reverse, references, pairsDone);
        List<Hit> kept = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        for (int q = 0; q < forward.length; q++) {
            hits.clear();
            for (int s = 0; s < scores.length; s++) {
                int score = scores[s][q];
                if (score >= settings.minScore()) {
                    hits.add(new Hit(q, s / strands, s % strands == 1, score));
                }
            }
            hits.sort(Comparator.comparingInt(Hit::score).reversed()
                    .thenComparingInt(Hit::reference).thenComparing(Hit::reverse));
            int keep = settings.topK() > 0 ? Math.min(settings.topK(), hits.size()) : hits.size();
            kept.addAll(hits.subList(0, keep));
        }
        Alignment[] paths = null;
        if (everyPath != null) {
            paths = new Alignment[kept.size()];
            for (int h = 0; h < paths.length; h++) {
                Hit hit = kept.get(h);
                paths[h] = everyPath[hit.reference() * strands + (hit.reverse() ? 1 : 0)][hit.query()];
            }
        } else if (settings.traceback()) {
            paths = paths(kept, forward, reverse, references, settings);
        }
        List<Row> rows = new ArrayList<>(kept.size());
        for (int h = 0; h < kept.size(); h++) {
            Hit hit = kept.get(h);
            rows.add(row(hit, queries.get(hit.query()), forward[hit.query()].length, references, settings,
                    paths == null ? null : paths[h]));
        }
        return rows;
    }

    /** The alignment of every query (and its reverse complement) against every reference, as {@link #scoreAll}. */
    private static Alignment[][] pathsOfEveryPair(byte[][] forward, byte[][] reverse, ReferenceSet references,
                                                  AlignSettings settings, LongAccumulator pairsDone) {
        int strands = reverse == null ? 1 : 2;
        List<byte[]> targets = references.sequences();
        Alignment[][] paths = new Alignment[targets.size() * strands][];
        for (int r = 0; r < targets.size(); r++) {
            for (int strand = 0; strand < strands; strand++) {
                paths[r * strands + strand] = Traceback.alignAll(strand == 0 ? forward : reverse, targets.get(r),
                        settings.scoring(), settings.mode());
                pairsDone.add(forward.length);
            }
        }
        return paths;
    }

    private static int[][] scoresOf(Alignment[][] paths) {
        int[][] scores = new int[paths.length][];
        for (int s = 0; s < paths.length; s++) {
            scores[s] = new int[paths[s].length];
            for (int q = 0; q < scores[s].length; q++) {
                scores[s][q] = paths[s][q].score();
            }
        }
        return scores;
    }

    /**
     * The alignment of every kept hit, in their order: the hits against one reference and strand go together,
     * queries in length order, so that neighbours share the vector traceback's batches.
     */
    private static Alignment[] paths(List<Hit> kept, byte[][] forward, byte[][] reverse, ReferenceSet references,
                                     AlignSettings settings) {
        Map<Integer, List<Integer>> byTarget = new TreeMap<>();
        for (int h = 0; h < kept.size(); h++) {
            Hit hit = kept.get(h);
            byTarget.computeIfAbsent(hit.reference() * 2 + (hit.reverse() ? 1 : 0), k -> new ArrayList<>()).add(h);
        }
        Alignment[] paths = new Alignment[kept.size()];
        for (List<Integer> group : byTarget.values()) {
            byte[][] sequences = new byte[group.size()][];
            for (int g = 0; g < sequences.length; g++) {
                Hit hit = kept.get(group.get(g));
                sequences[g] = hit.reverse() ? reverse[hit.query()] : forward[hit.query()];
            }
            byte[] target = references.sequences().get(kept.get(group.get(0)).reference());
            Alignment[] aligned = Traceback.alignAll(sequences, target, settings.scoring(), settings.mode());
            for (int g = 0; g < sequences.length; g++) {
                paths[group.get(g)] = aligned[g];
            }
        }
        return paths;
    }

    /**
     * Scores of every query (and its reverse complement) against every reference: {@code [reference * strands +
     * strand][query]}. Many queries fill the vector lanes against one reference at a time; when there are fewer
     * queries than lanes and more references than queries, the references fill them instead, one query at a time.
     */
    private static int[][] scoreAll(Aligner aligner, byte[][] forward, byte[][] reverse, ReferenceSet references,
                                    LongAccumulator pairsDone) {
        int strands = reverse == null ? 1 : 2;
        int count = references.sequences().size();
        int[][] scores = new int[count * strands][];
        if (forward.length < aligner.batchWidth() && count > forward.length) {
            byte[][] targets = references.sequences().toArray(new byte[0][]);
            for (int s = 0; s < scores.length; s++) {
                scores[s] = new int[forward.length];
            }
            for (int q = 0; q < forward.length; q++) {
                for (int strand = 0; strand < strands; strand++) {
                    int[] againstAll = aligner.scoresAgainst(strand == 0 ? forward[q] : reverse[q], targets);
                    for (int r = 0; r < count; r++) {
                        scores[r * strands + strand][q] = againstAll[r];
                    }
                }
                pairsDone.add((long) count * strands);
            }
            return scores;
        }
        // All references at once: each batch's query profile is built once for all of them.
        int[][] forwardScores = aligner.scores(forward, references.sequences());
        int[][] reverseScores = reverse == null ? null : aligner.scores(reverse, references.sequences());
        for (int r = 0; r < count; r++) {
            scores[r * strands] = forwardScores[r];
            if (reverse != null) {
                scores[r * strands + 1] = reverseScores[r];
            }
        }
        pairsDone.add((long) forward.length * strands * count);
        return scores;
    }

    private static Row row(Hit hit, SourcedRecord query, int queryLength, ReferenceSet references,
                           AlignSettings settings, Alignment a) {
        String queryId = query.record().id();
        byte[] target = references.sequences().get(hit.reference());
        String targetId = references.ids().get(hit.reference());
        String strand = hit.reverse() ? "-" : "+";
        RowLayout.Builder row = AlignmentsSchema.layout(a != null).row()
                .set(AlignmentsSchema.QUERY_ID, queryId).set(AlignmentsSchema.QUERY_LEN, queryLength)
                .set(AlignmentsSchema.TARGET_ID, targetId).set(AlignmentsSchema.TARGET_LEN, target.length)
                .set(AlignmentsSchema.STRAND, strand).set(AlignmentsSchema.SCORE, hit.score());
        if (a == null) {
            return row.build();
        }
        if (a.score() != hit.score()) {
            throw new IllegalStateException("traceback score " + a.score() + " differs from the kernel's "
                    + hit.score() + " for " + queryId + " against " + targetId);
        }
        return row.set(AlignmentsSchema.IDENTITY, a.identity()).set(AlignmentsSchema.SIMILARITY, a.similarity())
                .set(AlignmentsSchema.CIGAR, a.cigar())
                .set(AlignmentsSchema.QUERY_START, a.queryStart()).set(AlignmentsSchema.QUERY_END, a.queryEnd())
                .set(AlignmentsSchema.TARGET_START, a.targetStart()).set(AlignmentsSchema.TARGET_END, a.targetEnd())
                .build();
    }
}
