package org.biospark.spark.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Items dealt into groups of about equal total cost, largest first, each into the group with the least so far
 * (longest-processing-time-first: no group ends more than the largest item above the mean). Deterministic: ties go
 * to the lower index, and each group lists its items in index order.
 */
public final class CostGroups {
    private CostGroups() {
    }

    /** The item indices of each of {@code min(groups, costs.length)} groups; costs must not be negative. */
    public static List<List<Integer>> assign(long[] costs, int groups) {
        int count = Math.max(0, Math.min(groups, costs.length));
        List<List<Integer>> assigned = new ArrayList<>();
        long[] totals = new long[count];
        for (int g = 0; g < count; g++) {
            assigned.add(new ArrayList<>());
        }
        Integer[] byCost = IntStream.range(0, costs.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> costs[i]).reversed().thenComparing(i -> i))
                .toArray(Integer[]::new);
        for (int item : byCost) {
            int least = 0;
            for (int g = 1; g < count; g++) {
                if (totals[g] < totals[least]) {
                    least = g;
                }
            }
            totals[least] += costs[item];
            assigned.get(least).add(item);
        }
        assigned.forEach(group -> group.sort(null));
        return assigned;
    }
}
