# Regenerates the over-representation golden files with R's phyper and p.adjust.
#   cd src/test/resources/golden/geneset/ora && Rscript regenerate.R
# Needs only r-base-core (Debian: apt-get install r-base-core). Deterministic: no random numbers.

# 1. A table of hypergeometric upper tails P(X >= k) = phyper(k - 1, K, N - K, n, lower.tail = FALSE):
#    universe N, set size K (in the universe), list size n (in the universe), overlap k. Ordinary cases, the
#    edges (k = 0, k = max, K = N, n = 1) and far tails down to about 1e-300.
cases <- rbind(
  c(1000, 50, 20, 0), c(1000, 50, 20, 1), c(1000, 50, 20, 4), c(1000, 50, 20, 20),
  c(12000, 15, 300, 3), c(12000, 500, 300, 40), c(12000, 500, 300, 100), c(12000, 500, 300, 300),
  c(20000, 200, 1000, 10), c(20000, 200, 1000, 11), c(20000, 200, 1000, 60), c(20000, 200, 1000, 150),
  c(20000, 20000, 100, 100), c(20000, 1, 1, 1), c(20000, 1, 1, 0), c(20000, 10, 1, 1),
  c(60000, 3000, 5000, 250), c(60000, 3000, 5000, 300), c(60000, 3000, 5000, 2500),
  c(100, 30, 40, 12), c(100, 30, 40, 25), c(100, 30, 40, 30), c(5, 2, 3, 2), c(5, 2, 3, 1),
  c(40000, 1500, 1500, 56), c(40000, 1500, 1500, 57), c(40000, 1500, 1500, 1500))
out <- data.frame(N = cases[, 1], K = cases[, 2], n = cases[, 3], k = cases[, 4])
out$p <- phyper(out$k - 1, out$K, out$N - out$K, out$n, lower.tail = FALSE)
write.table(format(out, digits = 17), "phyper_cases.tsv", sep = "\t", quote = FALSE, row.names = FALSE)

# 2. ORA on fgsea's example data: the list is the 400 top-ranked genes of example.rnk, the universe every gene of
#    example.rnk, the sets of example.gmt restricted to the universe and kept at 15..500 members.
rnk <- read.table("../example.rnk", sep = "\t", header = FALSE, colClasses = c("character", "numeric"))
universe <- rnk[[1]]
genes <- rnk[[1]][order(-rnk[[2]], rnk[[1]])][1:400]
lines <- readLines("../example.gmt")
rows <- list()
for (line in lines) {
  f <- strsplit(line, "\t", fixed = TRUE)[[1]]
  members <- unique(intersect(f[-(1:2)], universe))
  K <- length(members)
  if (K < 15 || K > 500) next
  k <- length(intersect(members, genes))
  N <- length(universe)
  n <- length(genes)
  rows[[length(rows) + 1]] <- data.frame(gene_set = f[1], size = K, overlap = k,
    expected = n * K / N, pval = phyper(k - 1, K, N - K, n, lower.tail = FALSE))
}
ora <- do.call(rbind, rows)
ora$padj <- p.adjust(ora$pval, "BH")
write.table(format(ora, digits = 17), "ora_example.tsv", sep = "\t", quote = FALSE, row.names = FALSE)
writeLines(genes, "ora_example_genes.txt")
