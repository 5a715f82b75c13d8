package org.biospark.geneset;

/**
 * PLAGE scores of one gene set (Tomfohr et al.): the first right singular vector of the set's standardised genes
 * (rows) across the samples (columns), one score per sample. It comes from the symmetric eigenproblem of the smaller
 * Gram matrix, solved by cyclic Jacobi rotations, which are accurate to the last digits for the largest eigenvalue.
 */
public final class Plage {
    private static final int MAX_SWEEPS = 100;

    private Plage() {
    }

    /**
     * The scores of the samples, from {@code rows}: the set's genes standardised with
     * {@link SingleSampleScores#standardised}, each of the same length (the samples). A singular vector's sign is
     * arbitrary (the reference's is whatever its LAPACK returns); here a sample scores high when the set's genes are
     * high in it on average, and when that is undecided, the component of largest magnitude is positive.
     */
    public static double[] scores(double[][] rows) {
        int k = rows.length;
        int n = rows[0].length;
        double[] v;
        if (k <= n) {
            double[][] gram = new double[k][k];
            for (int a = 0; a < k; a++) {
                for (int b = a; b < k; b++) {
                    gram[a][b] = gram[b][a] = dot(rows[a], rows[b]);
                }
            }
            double[] u = topEigenvector(gram);
            v = new double[n];
            for (int a = 0; a < k; a++) {
                for (int j = 0; j < n; j++) {
                    v[j] += u[a] * rows[a][j];
                }
            }
        } else {
            double[][] gram = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double s = 0;
                    for (double[] row : rows) {
                        s += row[i] * row[j];
                    }
                    gram[i][j] = gram[j][i] = s;
                }
            }
            v = topEigenvector(gram);
        }
        double norm = Math.sqrt(dot(v, v));
        double[] mean = new double[n];
        for (double[] row : rows) {
            for (int j = 0; j < n; j++) {
                mean[j] += row[j];
            }
        }
        double agreement = dot(v, mean);
        int largest = 0;
        for (int j = 0; j < n; j++) {
            largest = Math.abs(v[j]) > Math.abs(v[largest]) ? j : largest;
        }
        double sign = Math.abs(agreement) > 1e-12 * norm * Math.sqrt(dot(mean, mean)) ? Math.signum(agreement)
                : v[largest] < 0 ? -1 : 1;
        for (int j = 0; j < n; j++) {
            v[j] = sign * v[j] / norm;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The unit eigenvector of the largest eigenvalue of the symmetric matrix {@code m} (which it overwrites). */
    static double[] topEigenvector(double[][] m) {
        int d = m.length;
        double[][] vectors = new double[d][d];
        for (int i = 0; i < d; i++) {
            vectors[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            double diagonal = 0;
            for (int i = 0; i < d; i++) {
                diagonal += m[i][i] * m[i][i];
                for (int j = i + 1; j < d; j++) {
                    off += m[i][j] * m[i][j];
                }
            }
            if (off <= 1e-30 * diagonal || off == 0) {
                break;
            }
            for (int p = 0; p < d - 1; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (m[p][q] != 0) {
                        rotate(m, vectors, p, q);
                    }
                }
            }
        }
        int top = 0;
        for (int i = 1; i < d; i++) {
            top = m[i][i] > m[top][top] ? i : top;
        }
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = vectors[i][top];
        }
        return v;
    }

    /** One Jacobi rotation zeroing m[p][q], applied to the eigenvector columns too. */
    private static void rotate(double[][] m, double[][] vectors, int p, int q) {
        double theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int d = m.length;
        for (int r = 0; r < d; r++) {
            double mrp = m[r][p];
            double mrq = m[r][q];
            m[r][p] = c * mrp - s * mrq;
            m[r][q] = s * mrp + c * mrq;
        }
        for (int r = 0; r < d; r++) {
            double mpr = m[p][r];
            double mqr = m[q][r];
            m[p][r] = c * mpr - s * mqr;
            m[q][r] = s * mpr + c * mqr;
        }
        for (int r = 0; r < d; r++) {
            double vrp = vectors[r][p];
            double vrq = vectors[r][q];
            vectors[r][p] = c * vrp - s * vrq;
            vectors[r][q] = s * vrp + c * vrq;
        }
    }
}
