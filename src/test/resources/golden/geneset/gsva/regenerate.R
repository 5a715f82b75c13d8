# Regenerates the single-sample scoring golden files with R's GSVA package.
# Also writes welch_dev.tsv: Welch's t-test of the dev data's gsva and ssgsea scores between the two classes of
# synth.cls (A = the first class named on its line 2), with BH-adjusted p-values over each method's sets.
#   cd src/test/resources/golden/geneset/gsva && Rscript regenerate.R
# Needs Debian's r-bioc-gsva (GSVA 1.46.0, R 4.2.2): apt-get install r-bioc-gsva. Deterministic: the second matrix
# comes from a fixed seed, and no method draws random numbers.
suppressPackageStartupMessages(library(GSVA))

read_gct <- function(path) {
  t <- read.table(path, sep = "\t", header = TRUE, skip = 2, check.names = FALSE, quote = "", comment.char = "")
  m <- as.matrix(t[, -(1:2)])
  rownames(m) <- t[[1]]
  m
}
read_gmt <- function(path) {
  sets <- list()
  for (line in readLines(path)) {
    f <- strsplit(line, "\t", fixed = TRUE)[[1]]
    sets[[f[1]]] <- f[-(1:2)]
  }
  sets
}
write_gct <- function(m, path) {
  lines <- c("#1.2", paste(nrow(m), ncol(m), sep = "\t"),
             paste(c("NAME", "Description", colnames(m)), collapse = "\t"))
  body <- apply(m, 1, function(r) paste(sprintf("%.17g", r), collapse = "\t"))
  writeLines(c(lines, paste(rownames(m), "na", body, sep = "\t")), path)
}
write_gmt <- function(sets, path) {
  writeLines(vapply(names(sets), function(s) paste(c(s, "na", sets[[s]]), collapse = "\t"), ""), path)
}

# One long table per matrix: variant, gene_set, sample, score (17 significant digits).
run <- function(m, sets, variants, path) {
  rows <- list()
  for (v in names(variants)) {
    args <- c(list(expr = m, gset.idx.list = sets, verbose = FALSE), variants[[v]])
    s <- suppressWarnings(do.call(gsva, args))
    rows[[v]] <- data.frame(variant = v, gene_set = rep(rownames(s), ncol(s)),
                            sample = rep(colnames(s), each = nrow(s)), score = sprintf("%.17g", as.vector(s)))
  }
  write.table(do.call(rbind, rows), path, sep = "\t", quote = FALSE, row.names = FALSE)
}

# 1. The shared development data: 8,000 genes x 16 samples, 150 sets.
dev <- read_gct("../synth.gct")
dev_sets <- read_gmt("../synth.gmt")
run(dev, dev_sets, list(
  gsva = list(method = "gsva"),
  ssgsea = list(method = "ssgsea"),
  zscore = list(method = "zscore"),
  plage = list(method = "plage")), "gsva_dev.tsv")

# 2. A matrix made for the edge cases: 300 genes x 12 samples of values rounded to one decimal (ties within genes and
#    across them), a constant gene, a gene repeating another; counts of the same shape for the Poisson kernel; sets of
#    size 1 to 60, one naming a gene that is absent, one holding only the constant gene.
set.seed(20261204)
genes <- sprintf("G%03d", 1:300)
samples <- sprintf("S%02d", 1:12)
edge <- matrix(round(rnorm(300 * 12, mean = 6, sd = 1.5), 1), nrow = 300, dimnames = list(genes, samples))
edge[1:40, 7:12] <- edge[1:40, 7:12] + 1.5
edge["G300", ] <- 5
edge["G299", ] <- edge["G001", ]
counts <- matrix(rpois(300 * 12, lambda = rep(rgamma(300, shape = 2, scale = 40), 12)), nrow = 300,
                 dimnames = list(genes, samples))
counts[1:40, 7:12] <- counts[1:40, 7:12] * 3
counts["G300", ] <- 7
edge_sets <- list(UP40 = genes[1:40], MIXED = genes[c(1:10, 100:130)], ONE = "G123", TWO = c("G005", "G250"),
                  WIDE = genes[61:120], ABSENT = c("G010", "G011", "NOT_A_GENE"), CONSTANT = "G300",
                  TIED = c("G001", "G299", "G002"))
write_gct(edge, "edge.gct")
write_gct(counts, "edge_counts.gct")
write_gmt(edge_sets, "edge.gmt")
run(edge, edge_sets, list(
  gsva = list(method = "gsva"),
  gsva_max = list(method = "gsva", mx.diff = FALSE),
  gsva_abs = list(method = "gsva", abs.ranking = TRUE),
  gsva_tau = list(method = "gsva", tau = 0.5),
  gsva_none = list(method = "gsva", kcdf = "none"),
  ssgsea = list(method = "ssgsea"),
  ssgsea_raw = list(method = "ssgsea", ssgsea.norm = FALSE),
  ssgsea_tau = list(method = "ssgsea", tau = 0.75),
  zscore = list(method = "zscore"),
  plage = list(method = "plage"),
  gsva_min2 = list(method = "gsva", min.sz = 2, max.sz = 45)), "gsva_edge.tsv")
run(counts, edge_sets, list(gsva_poisson = list(method = "gsva", kcdf = "Poisson")), "gsva_counts.tsv")

# 3. The table GSVA's Gaussian kernel reads: pnorm at 10 * i / 10000, i = 0..10000, as kernel_estimation.c builds it.
writeLines(sprintf("%.17g", pnorm(10 * (0:10000) / 10000)), "pnorm_table.txt")

# 4. Welch's t-test of the dev scores between the two classes of synth.cls: class A is the first class named on
#    line 2; line 3 holds one label per sample in the GCT's column order, by class name or by index 0, 1, ...
read_cls <- function(path) {
  lines <- readLines(path)
  classes <- strsplit(trimws(sub("^#", "", lines[2])), "[[:space:]]+")[[1]]
  labels <- strsplit(trimws(lines[3]), "[[:space:]]+")[[1]]
  if (all(labels %in% classes)) {
    factor(labels, levels = classes)
  } else if (all(labels %in% as.character(seq_along(classes) - 1))) {
    factor(classes[as.integer(labels) + 1], levels = classes)
  } else {
    stop("CLS labels name neither the classes of line 2 nor their indices: ", path)
  }
}
cls <- read_cls("../synth.cls")
stopifnot(length(cls) == ncol(dev), nlevels(cls) == 2)
in_a <- cls == levels(cls)[1]
in_b <- cls == levels(cls)[2]
welch_rows <- list()
for (v in c("gsva", "ssgsea")) {
  s <- suppressWarnings(gsva(expr = dev, gset.idx.list = dev_sets, verbose = FALSE, method = v))
  tests <- lapply(rownames(s), function(g) t.test(s[g, in_a], s[g, in_b], var.equal = FALSE))
  p <- vapply(tests, function(w) w$p.value, 0)
  f <- function(x) sprintf("%.17g", x)
  welch_rows[[v]] <- data.frame(variant = v, gene_set = rownames(s), n_a = f(sum(in_a)), n_b = f(sum(in_b)),
                                mean_a = f(rowMeans(s[, in_a, drop = FALSE])),
                                mean_b = f(rowMeans(s[, in_b, drop = FALSE])),
                                t = f(vapply(tests, function(w) unname(w$statistic), 0)),
                                df = f(vapply(tests, function(w) unname(w$parameter), 0)),
                                pval = f(p), padj = f(p.adjust(p, "BH")))
}
write.table(do.call(rbind, welch_rows), "welch_dev.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
