import { issueName, n, type Tactic } from "./context.ts";

/** Judicial settlement: take a legal issue to its forum where the merits favour it and a ruling can come in time. */
export const fileClaim: Tactic = (context) => {
  const { situation, parameters } = context;
  const threshold = parameters.litigatesFromMerits;
  if (threshold === null) return undefined;
  const { view, me } = situation;
  const payoffs = view.me?.payoffs ?? {};
  let best: { issueId: string; stake: number; merits: number; forum: string } | undefined;
  for (const issue of view.scenario.issues) {
    const legal = issue.legal;
    const mine = legal?.positions[me];
    const merits = view.me?.merits[issue.id];
    if (!legal || mine === undefined || merits === undefined || merits < threshold) continue;
    if (view.claims.some((c) => c.issueId === issue.id && c.status !== "declined")) continue;
    const forum = view.scenario.forums.find((f) => f.id === legal.forum);
    if (!forum || situation.round + forum.roundsToRule > situation.roundLimit) continue;
    const theirs = Object.entries(legal.positions).find(([s, o]) => s !== me && o !== mine)?.[1] ?? issue.statusQuo;
    // What a ruling decides for it: its claimed option rather than the other side's.
    const stake = (payoffs[issue.id]?.[mine] ?? 0) - (payoffs[issue.id]?.[theirs] ?? 0);
    if (stake > 0 && (!best || merits * stake > best.merits * best.stake)) {
      best = { issueId: issue.id, stake, merits, forum: forum.name };
    }
  }
  if (!best) return undefined;
  return {
    move: { kind: "fileClaim", issueId: best.issueId },
    rationale: `Took ${issueName(context, best.issueId)} to ${best.forum}: its lawyers give it a ${Math.round(best.merits * 100)}% chance on an issue worth ${n(best.stake)} points to it, and the ruling can come before the talks end.`,
  };
};
