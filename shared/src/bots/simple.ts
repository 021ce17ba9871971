import type { Move, Package } from "../rules/types.ts";
import type { TableView } from "../view/viewFor.ts";
import { viewPoints } from "../view/viewPoints.ts";

/** Every package of the scenario's issues (without creative options). */
export function allPackages(view: TableView): Package[] {
  let packages: Record<string, string>[] = [{}];
  for (const issue of view.scenario.issues) {
    const next: Record<string, string>[] = [];
    for (const partial of packages)
      for (const option of issue.options) next.push({ ...partial, [issue.id]: option.id });
    packages = next;
  }
  return packages.map((options) => ({ options }));
}

/**
 * The aspiration of a time-based concession strategy: from the best package at the start
 * down to just above the BATNA at the round limit (Boulware when `exponent` > 1).
 */
export function aspiration(view: TableView, exponent = 1.6): number {
  const me = view.me;
  if (!me) return 0;
  const t = Math.min(1, (view.round - 1) / Math.max(1, view.scenario.roundLimit - 1));
  // The best package without creative options, which may never be unlocked.
  const best = Math.max(...allPackages(view).map((pkg) => viewPoints(view, pkg)));
  const floor = Math.max(me.batna + 2, me.range.worst);
  return best - (best - floor) * t ** exponent;
}

/**
 * The walking skeleton's bot: accepts any open proposal worth at least its aspiration,
 * otherwise proposes the package closest above its aspiration. It reads only its own view.
 */
export function simpleBotMove(view: TableView): Move | null {
  const me = view.me;
  if (!me || view.phase === "ended") return null;
  if (view.parties.find((p) => p.id === me.seat)?.walkedAway) return null;
  const target = aspiration(view);
  const incoming = view.proposals.filter(
    (p) =>
      p.status === "open" &&
      p.to.includes(me.seat) &&
      !p.acceptedBy.includes(me.seat) &&
      !p.rejectedBy.includes(me.seat),
  );
  for (const proposal of incoming) {
    if (viewPoints(view, proposal.package) >= target - 1e-9) {
      return { kind: "accept", proposalId: proposal.id };
    }
  }
  const mine = view.parties.find((p) => p.id === me.seat);
  if (!mine || mine.acted) {
    const stale = incoming[0];
    return stale ? { kind: "reject", proposalId: stale.id } : null;
  }
  // A mediator or NGO has no package of its own to propose.
  if (mine.kind !== "state") return { kind: "pass" };
  const counterparts = view.parties
    .filter((p) => p.id !== me.seat && p.kind === "state" && !p.walkedAway)
    .map((p) => p.id);
  if (counterparts.length === 0) return { kind: "pass" };
  let best: Package | undefined;
  let bestPoints = Number.POSITIVE_INFINITY;
  for (const pkg of allPackages(view).filter((p) => keepsRulings(view, p))) {
    const points = viewPoints(view, pkg);
    if (points >= target && points < bestPoints) {
      best = pkg;
      bestPoints = points;
    }
  }
  if (!best) return { kind: "pass" };
  return { kind: "propose", to: counterparts, package: best };
}

/** A package must keep every binding ruling. */
function keepsRulings(view: TableView, pkg: Package): boolean {
  return view.claims.every(
    (c) => c.status !== "ruled" || !c.ruling?.binding || pkg.options[c.issueId] === c.ruling.optionId,
  );
}
