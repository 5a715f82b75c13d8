package org.biospark.spark.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CostGroupsTest {
    @Test
    void everyItemOnceInGroupsWithinTheLargestItemOfTheMean() {
        SplittableRandom random = new SplittableRandom(21);
        for (int trial = 0; trial < 500; trial++) {
            int items = random.nextInt(0, 300);
            int groups = random.nextInt(1, 40);
            long[] costs = new long[items];
            long largest = 0;
            long total = 0;
            for (int i = 0; i < items; i++) {
                costs[i] = trial % 5 == 0 ? 7 : random.nextLong(0, random.nextBoolean() ? 100 : 1_000_000);
                largest = Math.max(largest, costs[i]);
                total += costs[i];
            }
            List<List<Integer>> assigned = CostGroups.assign(costs, groups);
            assertEquals(Math.min(groups, items), assigned.size());
            List<Integer> all = new ArrayList<>();
            for (List<Integer> group : assigned) {
                assertEquals(group.stream().sorted().toList(), group, "index order within a group");
                long sum = group.stream().mapToLong(i -> costs[i]).sum();
                assertTrue(sum <= (double) total / assigned.size() + largest, "trial " + trial);
                all.addAll(group);
            }
            assertEquals(items, all.size());
            assertEquals(items, all.stream().distinct().count());
            assertEquals(assigned, CostGroups.assign(costs.clone(), groups), "deterministic");
        }
    }

    @Test
    void equalCostsAreDealtInTurn() {
        assertEquals(List.of(List.of(0, 3), List.of(1, 4), List.of(2)),
                CostGroups.assign(new long[] {5, 5, 5, 5, 5}, 3));
        assertEquals(List.of(List.of(0), List.of(1, 2)), CostGroups.assign(new long[] {10, 4, 5}, 2));
    }
}
