import type { Package } from "../rules/types.ts";
import type { TableView } from "./viewFor.ts";

/**
 * Points of a package under the viewer's own table, from what its view holds: the same
 * number the rules score, computed without any hidden information.
 */
export function viewPoints(view: Pick<TableView, "me" | "scenario">, pkg: Package): number {
  const payoffs = view.me?.payoffs ?? {};
  let points = 0;
  for (const [issue, option] of Object.entries(pkg.options)) points += payoffs[issue]?.[option] ?? 0;
  for (const id of pkg.creative ?? []) points += view.me?.creativeBonus[id] ?? 0;
  return points;
}
