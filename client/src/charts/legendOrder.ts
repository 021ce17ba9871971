/**
 * A Recharts `itemSorter` that lists a legend's items in the order given (the order the
 * series are drawn, stacked or listed in the numbers), where Recharts sorts them by label:
 * the trust of each pair read "India–Pakistan" before "Pakistan–India" whatever the lines'
 * colours and dashes, and the approach mix's legend ran B, C, G, J, M, T beside bars stacked
 * C, M, G, J, T, B. A label not in the list goes last.
 */
export function legendInOrder(labels: readonly string[]): (item: { value?: unknown }) => number {
  const rank = new Map(labels.map((label, i) => [label, i]));
  return (item) => rank.get(String(item.value)) ?? labels.length;
}
