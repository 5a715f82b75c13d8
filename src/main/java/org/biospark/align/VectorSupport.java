package org.biospark.align;

/**
 * Whether the vector kernel can run here: the {@code jdk.incubator.vector} module is present (Spark 4's JVMs add
 * it; tests add it in the build) and its preferred register holds at least 8 short lanes. Set the system property
 * {@code biospark.align.vector=false} to force the scalar kernel. If it is there, use it; if not, do without.
 */
final class VectorSupport {
    private static final boolean AVAILABLE = detect();

    private VectorSupport() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    private static boolean detect() {
        if ("false".equalsIgnoreCase(System.getProperty("biospark.align.vector"))) {
            return false;
        }
        try {
            return VectorBatchAligner.lanes() >= 8;
        } catch (LinkageError | SecurityException absent) {
            return false;
        }
    }
}
