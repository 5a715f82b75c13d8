# GSVA's Gaussian kernel estimate of each gene's distribution across the samples (its C code, through
# compute.gene.density, the step gsva() spends most of its time in), timed alone on a seeded matrix.
# Usage: Rscript bench/density_r.R GENES SAMPLES SEED; prints "genes/s N".
args <- commandArgs(trailingOnly = TRUE)
genes <- as.integer(args[1])
samples <- as.integer(args[2])
set.seed(as.integer(args[3]))
suppressPackageStartupMessages(library(GSVA))
x <- matrix(6 + 1.5 * rnorm(genes * samples), nrow = genes)
density <- get("compute.gene.density", envir = asNamespace("GSVA"))
elapsed <- system.time(d <- density(x, seq_len(samples), rnaseq = FALSE, kernel = TRUE))[["elapsed"]]
cat(sprintf("genes/s %.2f\n", genes / elapsed))
