# R's GSVA on one core, the reference side of bench/score-gsva.sh: reads a GCT 1.2 matrix and a GMT file, runs
# gsva(m, sets, method = METHOD, kcdf = "Gaussian", verbose = FALSE) once, and writes the scores as a long TSV
# (gene_set, sample, score; 17 significant digits; a header line). On stdout: the seconds spent loading GSVA,
# reading the two files, in the gsva() call and writing the scores, as "load_s X", "read_s X", "gsva_s X",
# "write_s X" lines.
# One core: GSVA 1.46's gsva() runs its loops through BiocParallel; parallel.sz = 1 with BPPARAM = SerialParam()
# keeps them in this process (a non-serial BPPARAM would make .gsva() take its worker count instead). R's BLAS must
# be single-threaded too (Debian's reference BLAS is; bench/score-gsva.sh also sets OPENBLAS_NUM_THREADS and
# OMP_NUM_THREADS to 1 in case an alternative is installed).
# Needs GSVA 1.46 (Debian's r-bioc-gsva) with BiocParallel; only base R reads and writes the files.
# Usage: Rscript bench/gsva_r.R EXPRESSION.gct SETS.gmt gsva|ssgsea|zscore|plage OUT.tsv
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 4)
method <- args[3]
stopifnot(method %in% c("gsva", "ssgsea", "zscore", "plage"))
elapsed <- function(t) unname((proc.time() - t)["elapsed"])

t <- proc.time()
suppressPackageStartupMessages({
  library(GSVA)
  library(BiocParallel)
})
cat(sprintf("load_s %.3f\n", elapsed(t)))

t <- proc.time()
header <- readLines(args[1], n = 3)
stopifnot(header[1] == "#1.2")
dims <- as.integer(strsplit(header[2], "\t", fixed = TRUE)[[1]][1:2])
samples <- strsplit(header[3], "\t", fixed = TRUE)[[1]][-(1:2)]
stopifnot(length(samples) == dims[2])
columns <- scan(args[1], what = c(list("", ""), rep(list(0), dims[2])), sep = "\t", skip = 3, quote = "",
                comment.char = "", nmax = dims[1], multi.line = FALSE, quiet = TRUE)
m <- do.call(cbind, columns[-(1:2)])
dimnames(m) <- list(columns[[1]], samples)
rm(columns)
stopifnot(nrow(m) == dims[1])
sets <- list()
for (line in readLines(args[2])) {
  f <- strsplit(line, "\t", fixed = TRUE)[[1]]
  sets[[f[1]]] <- f[-(1:2)]
}
cat(sprintf("read_s %.3f\n", elapsed(t)))

t <- proc.time()
s <- gsva(m, sets, method = method, kcdf = "Gaussian", parallel.sz = 1L, BPPARAM = SerialParam(progressbar = FALSE),
          verbose = FALSE)
cat(sprintf("gsva_s %.3f\n", elapsed(t)))

t <- proc.time()
out <- file(args[4], "w")
writeLines("gene_set\tsample\tscore", out)
writeLines(paste(rep(rownames(s), ncol(s)), rep(colnames(s), each = nrow(s)), sprintf("%.17g", as.vector(s)),
                 sep = "\t"), out)
close(out)
cat(sprintf("write_s %.3f\n", elapsed(t)))
cat(sprintf("gsva %s, %s: %d genes x %d samples, %d of %d sets scored\n", as.character(packageVersion("GSVA")),
            method, nrow(m), ncol(m), nrow(s), length(sets)))
