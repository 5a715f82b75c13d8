package org.biospark.spark.scaling;

import java.util.List;

import org.biospark.UsageException;

/**
 * A scaling study: one job, run whole at each parallelism, repeatedly.
 *
 * @param job       align, gsea or sumrange
 * @param jobArgs   the job's own options, as its command takes them (without --out and --master)
 * @param cores     the parallelisms, ascending
 * @param repeat    runs per parallelism
 * @param weak      a Gustafson study: the work grows with the cores (sumrange: the range)
 * @param master    local (each run local[k]) or a standalone master spark://... (each run k executor cores)
 * @param launcher  the launcher that starts each run (submit/biospark)
 * @param out       the study's output directory
 * @param overwrite replace an earlier run in {@code out}
 */
public record ScalingOptions(String job, List<String> jobArgs, List<Integer> cores, int repeat, boolean weak,
                             String master, String launcher, String out, boolean overwrite) {
    public static final List<String> JOBS = List.of("align", "gsea", "sumrange");

    public ScalingOptions {
        if (!JOBS.contains(job)) {
            throw new UsageException("--job must be align, gsea or sumrange, not '" + job + "'");
        }
        jobArgs = List.copyOf(jobArgs);
        for (String a : jobArgs) {
            if (a.equals("--out") || a.startsWith("--out=") || a.equals("--master") || a.startsWith("--master=")) {
                throw new UsageException("give the study's --out and --master, not the job's: each run gets its own");
            }
        }
        cores = cores.stream().distinct().sorted().toList();
        if (cores.size() < 2 || cores.get(0) < 1) {
            throw new UsageException("--cores needs two parallelisms or more, each at least 1, such as 1,2");
        }
        if (repeat < 1) {
            throw new UsageException("--repeat must be at least 1");
        }
        if (weak && !job.equals("sumrange")) {
            throw new UsageException("--weak grows the work with the cores, which only sumrange's range does;"
                    + " for align or gsea give inputs of each size and compare the runs");
        }
        if (weak && !jobArgs.contains("--to")) {
            throw new UsageException("--weak scales sumrange's --to: give it (as --to N)");
        }
        master = master == null ? "local" : master;
        if (!master.equals("local") && !master.startsWith("spark://")) {
            throw new UsageException("--master must be local or a standalone master spark://host:port");
        }
    }

    /** The launcher's options that give a run {@code k} cores. */
    List<String> masterArgs(int k) {
        return master.equals("local") ? List.of("--master", "local[" + k + "]")
                : List.of("--master", master, "--total-executor-cores", Integer.toString(k));
    }

    /** The job's options for a run on {@code k} cores: with --weak, sumrange's range k times as long. */
    List<String> argsFor(int k) {
        if (!weak) {
            return jobArgs;
        }
        List<String> args = new java.util.ArrayList<>(jobArgs);
        long from = args.contains("--from") ? Long.parseLong(args.get(args.indexOf("--from") + 1)) : 0;
        int to = args.indexOf("--to") + 1;
        args.set(to, Long.toString(from + (Long.parseLong(args.get(to)) - from) * k));
        return args;
    }
}
