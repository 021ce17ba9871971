import type { Framing, Move, Package, SeatId } from "../../rules/types.ts";
import { choosePackage, type PackageChoice } from "../choosePackage.ts";
import { choicesOf } from "../packageSpace.ts";
import { lastMoveBy, listNames, nameOf, offersFrom, pointsOf, possessive } from "../situation.ts";
import { type Context, issueName, n, type Tactic } from "./context.ts";

function framingFor(context: Context, first: boolean): Framing {
  const { parameters, situation, stance } = context;
  if (situation.lastRound && parameters.ultimatumAtEnd) return "ultimatum";
  if (stance.heldAfterPressure) return "anchor";
  if (first) return parameters.openingFraming;
  if (stance.guarded && parameters.framing === "package") return "plain";
  if (parameters.mirrorsApproach) {
    const theirs = situation.counterparts.map((s) => lastMoveBy(situation.view, s)).find((e) => e?.kind === "propose");
    if (theirs?.approach === "mutualGains") return "package";
  }
  return parameters.framing;
}

function samePackage(a: Package, b: Package): boolean {
  const keys = new Set([...Object.keys(a.options), ...Object.keys(b.options)]);
  for (const key of keys) if (a.options[key] !== b.options[key]) return false;
  return [...(a.creative ?? [])].sort().join() === [...(b.creative ?? [])].sort().join();
}

/** The best counter-offer it has received, for the rationale. */
function bestOffer(context: Context): { points: number; by: SeatId } | undefined {
  let best: { points: number; by: SeatId } | undefined;
  for (const seat of context.situation.counterparts) {
    for (const offer of offersFrom(context.situation, seat)) {
      const points = pointsOf(context.situation, offer.package);
      if (!best || points > best.points) best = { points, by: seat };
    }
  }
  return best;
}

/** A stepwise concession on its open proposal: one issue moved towards the chosen package. */
function stepwiseConcession(context: Context, choice: PackageChoice): Move | undefined {
  const open = context.situation.myOpenProposal;
  if (!context.parameters.concedesStepwise || !open) return undefined;
  const payoffs = context.situation.view.me?.payoffs ?? {};
  const target = choicesOf(context.space, choice.package);
  let best: { issueId: string; optionId: string; loss: number } | undefined;
  context.space.issues.forEach((issue, i) => {
    const to = issue.options[target[i] ?? -1];
    const from = open.package.options[issue.id];
    if (to === undefined || from === undefined || to === from || context.situation.fixed[issue.id]) return;
    const loss = (payoffs[issue.id]?.[from] ?? 0) - (payoffs[issue.id]?.[to] ?? 0);
    if (loss > 0 && (!best || loss > best.loss)) best = { issueId: issue.id, optionId: to, loss };
  });
  if (!best) return undefined;
  return { kind: "concede", proposalId: open.id, issueId: best.issueId, optionId: best.optionId };
}

/** Propose (or concede, or hold): the package at its aspiration that the others should like best. */
export const bargain: Tactic = (context) => {
  const { situation, stance, parameters } = context;
  const { view } = situation;
  if (situation.counterparts.length === 0) return undefined;
  const othersToMove = view.parties.some((p) => p.id !== situation.me && !p.acted && !p.walkedAway);
  if (situation.lastRound && !othersToMove) {
    return {
      move: { kind: "pass" },
      rationale: "Passed: it moves last in the last round, so nobody could answer a new proposal.",
    };
  }
  const choice = choosePackage(situation, context.space, parameters, stance, context.dice);
  const offer = bestOffer(context);
  const offerText = offer ? `${possessive(view, offer.by)} best offer (${n(offer.points)})` : "any offer so far";
  const open = situation.myOpenProposal;
  const first = !view.proposals.some((p) => p.by === situation.me);
  const framing = framingFor(context, first);
  if (open && samePackage(open.package, choice.package) && !(framing === "ultimatum" && open.framing !== "ultimatum")) {
    return {
      move: { kind: "pass" },
      rationale: `Held its offer (worth ${n(choice.points)} to it): its aspiration (${n(stance.aspiration)}) is still above ${offerText}.`,
    };
  }
  const informed =
    choice.informedBy.length > 0
      ? `, shaped by what ${listNames(choice.informedBy.map((s) => nameOf(view, s)))} revealed`
      : parameters.opponentModel === "learned"
        ? ", traded across issues from what their proposals imply"
        : "";
  const why = stance.heldAfterPressure
    ? `it was pressed, so it held firm at ${n(stance.aspiration)}`
    : stance.guarded
      ? `its openness was exploited, so it hardened its aspiration to ${n(stance.aspiration)}`
      : `its aspiration in round ${situation.round} of ${situation.roundLimit} is ${n(stance.aspiration)} (floor ${n(stance.floor)}, no-deal value ${n(stance.expectedBatna)})`;
  const concession = framing !== "ultimatum" ? stepwiseConcession(context, choice) : undefined;
  if (concession?.kind === "concede") {
    return {
      move: concession,
      rationale: `Conceded one step on ${issueName(context, concession.issueId)}: ${why}; ${offerText} is still below it.`,
    };
  }
  const framingText: Record<Framing, string> = {
    plain: "Proposed a package",
    package: "Offered a package across issues",
    anchor: "Anchored high with a proposal",
    ultimatum: "Issued an ultimatum",
  };
  return {
    move: { kind: "propose", to: situation.counterparts, package: choice.package, framing },
    rationale: `${framingText[framing]} worth ${n(choice.points)} to it${informed}: ${why}.`,
  };
};
