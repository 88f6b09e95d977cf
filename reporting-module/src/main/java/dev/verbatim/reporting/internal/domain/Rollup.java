package dev.verbatim.reporting.internal.domain;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counter changes grouped by rollup row: what one event adds (incremental upkeep) or what all facts
 * add up to (recompute). Rows whose changes cancel out are dropped.
 */
public final class Rollup {
  private final Map<RollupTable, Map<List<Object>, long[]>> rows = new EnumMap<>(RollupTable.class);

  public void add(RollupTable table, List<Object> key, String counter, long delta) {
    if (delta == 0) {
      return;
    }
    long[] counters =
        rows.computeIfAbsent(table, t -> new LinkedHashMap<>())
            .computeIfAbsent(key, k -> new long[table.values.size()]);
    counters[table.index(counter)] += delta;
  }

  /** The rows of a table with at least one non-zero change. */
  public Map<List<Object>, long[]> rows(RollupTable table) {
    Map<List<Object>, long[]> result = new LinkedHashMap<>();
    rows.getOrDefault(table, Map.of())
        .forEach(
            (key, counters) -> {
              for (long c : counters) {
                if (c != 0) {
                  result.put(key, counters);
                  return;
                }
              }
            });
    return result;
  }

  public boolean isEmpty() {
    for (RollupTable t : RollupTable.values()) {
      if (!rows(t).isEmpty()) {
        return false;
      }
    }
    return true;
  }
}
