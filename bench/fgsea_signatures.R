# fgsea over many signatures, the way its users parallelise it: the signatures dealt to WORKERS R processes
# (BiocParallel's MulticoreParam), one fgsea call per signature, 1,000 permutations, sets of 15..500 genes.
# Needs fgsea (Bioconductor) on R's library path (R_LIBS), with BiocParallel and data.table.
# Usage: Rscript bench/fgsea_signatures.R LONG_CSV GMT simple|multilevel WORKERS OUT_CSV
#   LONG_CSV  headerless (dataset, gene, score) rows, as bench/make_gsea_ranks.py --long writes them
#   simple    fgseaSimple(nperm = 1000); multilevel: fgsea() with its defaults (nPermSimple = 1000, eps = 1e-50)
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 5)
suppressMessages({
  library(fgsea)
  library(BiocParallel)
  library(data.table)
})
ranks <- fread(args[1], header = FALSE, col.names = c("dataset", "gene", "score"),
               colClasses = c("character", "character", "numeric"))
pathways <- gmtPathways(args[2])
mode <- args[3]
signatures <- split(ranks, by = "dataset", keep.by = FALSE)
one <- function(name) {
  s <- signatures[[name]]
  stats <- setNames(s$score, s$gene)
  r <- if (mode == "simple") {
    fgseaSimple(pathways, stats, nperm = 1000, minSize = 15, maxSize = 500, nproc = 1)
  } else {
    fgsea(pathways, stats, minSize = 15, maxSize = 500, nproc = 1)
  }
  r[, dataset := name]
  r[, .(dataset, pathway, pval, padj, ES, NES, size)]
}
results <- bplapply(names(signatures), one,
                    BPPARAM = MulticoreParam(workers = as.integer(args[4]), RNGseed = 42, progressbar = FALSE))
results <- rbindlist(results)
fwrite(results, args[5])
cat(sprintf("fgsea %s: %d signatures, %d rows\n", as.character(packageVersion("fgsea")), length(signatures),
            nrow(results)))
