import type { Package, SeatId, TableView } from "@parley/shared";

type Told = Pick<TableView, "revealedToViewer" | "parties" | "scenario">;

/** One party's points, as it told them to the viewer. */
export interface ToldPoints {
  seat: SeatId;
  name: string;
  points: number;
}

/** What a party told the viewer a package gives it, on the issues it told. */
export interface ToldTotal extends ToldPoints {
  /** The most it could get on those issues (its best option on each). */
  best: number;
  /** How many of the package's issues it told the viewer about. */
  issues: number;
}

const nameOf = (view: Told, seat: SeatId) => view.parties.find((p) => p.id === seat)?.name ?? seat;

/**
 * The points each party has told the viewer it gets from an option (by sharing its
 * interests with it), in the table's seat order. Only what the view holds: a seat's
 * `revealedToViewer` carries nothing the rules did not let it learn.
 */
export function toldPointsFor(view: Told, issueId: string, optionId: string): ToldPoints[] {
  return view.parties.flatMap((party) => {
    const points = view.revealedToViewer[party.id]?.[issueId]?.[optionId];
    return points === undefined ? [] : [{ seat: party.id, name: party.name, points }];
  });
}

/** For each party that told the viewer anything: what the package gives it on the issues it told, and the most it could. */
export function toldTotals(view: Told, pkg: Package): ToldTotal[] {
  const out: ToldTotal[] = [];
  for (const party of view.parties) {
    const told = view.revealedToViewer[party.id];
    if (!told) continue;
    let points = 0;
    let best = 0;
    let issues = 0;
    for (const issue of view.scenario.issues) {
      const table = told[issue.id];
      const chosen = pkg.options[issue.id];
      if (!table || chosen === undefined || table[chosen] === undefined) continue;
      points += table[chosen];
      best += Math.max(...Object.values(table));
      issues++;
    }
    if (issues > 0) out.push({ seat: party.id, name: nameOf(view, party.id), points, best, issues });
  }
  return out;
}
