package org.biospark.align;

import java.util.SplittableRandom;

/**
 * Run in a JVM with -Xmx1g by {@link TracebackTest}: a global alignment with traceback of two related 30 kb
 * sequences must complete, and its path must score the optimum.
 */
public final class TracebackMemoryCheck {
    private TracebackMemoryCheck() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(30_000);
        byte[] target = new byte[30_000];
        for (int i = 0; i < target.length; i++) {
            target[i] = (byte) random.nextInt(4);
        }
        byte[] query = new byte[30_000];
        for (int i = 0; i < query.length; i++) {
            query[i] = random.nextInt(10) == 0 ? (byte) random.nextInt(4) : target[(i + 7) % target.length];
        }
        Scoring scoring = Scoring.dna(1, -2, 5, 2);
        Alignment a = Traceback.align(query, target, scoring, AlignmentMode.GLOBAL);
        int score = ScalarAligner.score(query, target, scoring, AlignmentMode.GLOBAL);
        long rescored = TracebackTest.rescore(a, query, target, scoring);
        System.out.println("score " + a.score() + " rescored " + rescored + " identity " + a.identity()
                + " max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        if (a.score() != score || rescored != score) {
            System.exit(1);
        }
    }
}
