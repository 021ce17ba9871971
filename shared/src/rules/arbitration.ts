import { maximinPoint, nashPoint } from "../scoring/nash.ts";
import { outcomeSpace } from "../scoring/outcomeSpace.ts";
import { paretoFrontier } from "../scoring/pareto.ts";
import { addLog } from "./draft.ts";
import { withoutConsent } from "./mediation.ts";
import { describePackage } from "./packages.ts";
import { endGame } from "./rounds.ts";
import { bindingRulings } from "./rulings.ts";
import { activeStates } from "./seats.ts";
import type { GameState, Package, Proposal } from "./types.ts";

/** The tribunal is not a seat; its award is recorded as a proposal by this name. */
export const arbitrator = "arbitrator";

/**
 * What the tribunal awards: it sees every payoff and BATNA, keeps binding rulings and
 * unlocked creative options, and picks the Nash bargaining point. When no package beats
 * every BATNA it picks the package whose worst-off party loses least.
 */
export function awardPackage(state: GameState): Package | undefined {
  const parties = activeStates(state);
  const fixed = Object.fromEntries(bindingRulings(state).map((r) => [r.issueId, r.optionId]));
  const frontier = paretoFrontier(outcomeSpace(state.scenario, parties, { fixed, creative: state.families.unlocked }));
  const disagreement = parties.map((s) => state.batna[s] ?? 0);
  const nash = nashPoint(frontier, disagreement);
  if (nash.defined) return nash.package;
  const fallback = maximinPoint(frontier, disagreement);
  return fallback.defined ? fallback.package : undefined;
}

/** Round-end hook: once every state at the table has consented, the award ends the game with a binding agreement. */
export function awardIfAgreed(draft: GameState, seq: number): void {
  const consented = draft.families.arbitration.consented;
  const parties = activeStates(draft);
  if (consented.length === 0 || parties.length < 2 || withoutConsent(draft, consented).length > 0) return;
  const pkg = awardPackage(draft);
  if (!pkg) return;
  const award: Proposal = {
    id: `award${seq}`,
    version: 1,
    by: arbitrator,
    to: parties,
    package: pkg,
    framing: "award",
    approach: "mediation",
    round: draft.round,
    status: "accepted",
    acceptedBy: [...parties],
    rejectedBy: [],
    expiresAfterRound: draft.round,
  };
  draft.proposals.push(award);
  addLog(draft, {
    seq,
    by: "system",
    kind: "award",
    approach: "mediation",
    text: `The arbitral tribunal issues its binding award: ${describePackage(draft.scenario, pkg)}.`,
    visibleTo: "all",
  });
  endGame(draft, { kind: "agreement", proposalId: award.id, package: pkg, round: draft.round, parties }, seq);
}
