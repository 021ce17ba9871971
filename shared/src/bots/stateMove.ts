import type { Framing, Move, Package, SeatId } from "../rules/types.ts";
import type { PublicMeasure } from "../view/viewFor.ts";
import type { Decision } from "./answers.ts";
import { choosePackage, type PackageChoice } from "./choosePackage.ts";
import { unit } from "./dice.ts";
import { choicesOf, type PackageSpace } from "./packageSpace.ts";
import type { PersonaParameters } from "./personas.ts";
import {
  hasDone,
  lastMoveBy,
  listNames,
  nameOf,
  offersFrom,
  type Pressure,
  pointsOf,
  possessive,
  type Situation,
  sharedWith,
  trustWith,
} from "./situation.ts";
import { creativeReach, type Stance } from "./stance.ts";

const n = (value: number) => String(Math.round(value));

/** What the state's main move is chosen from: its situation, persona, stance and the pressure on it. */
export interface Context {
  situation: Situation;
  space: PackageSpace;
  parameters: PersonaParameters;
  stance: Stance;
  dice: number;
  pressures: Pressure[];
  /** Pressure since the bot's own last main move, newest last. */
  recentPressures: Pressure[];
  /** Counterparts that pressed it after it had opened up (shared interests or made cooperative moves). */
  exploiters: SeatId[];
}

type Tactic = (context: Context) => Decision | undefined;

function measuresOf(context: Context, against?: SeatId): PublicMeasure[] {
  const { view, me } = context.situation;
  return view.scenario.measures.filter(
    (m) =>
      m.by === me && (against === undefined || m.against === against) && context.situation.states.includes(m.against),
  );
}

function issueName(context: Context, issueId: string): string {
  return context.situation.view.scenario.issues.find((i) => i.id === issueId)?.name ?? issueId;
}

/** Tit-for-tat: answer the latest pressure in kind (a measure for a measure, a threat for a threat). */
const answerPressureInKind: Tactic = (context) => {
  const { parameters, situation } = context;
  const pressure = context.recentPressures.at(-1);
  if (!parameters.mirrorsApproach || !pressure) return undefined;
  const who = nameOf(situation.view, pressure.by);
  const mine = measuresOf(context, pressure.by).filter((m) => m.level < m.maxLevel);
  const measure = mine[0];
  if (pressure.kind === "impose" && measure) {
    return {
      move: { kind: "impose", measureId: measure.id },
      rationale: `Answered ${possessive(situation.view, pressure.by)} measure in kind with ${measure.name}: tit-for-tat returns pressure for pressure.`,
    };
  }
  if (pressure.kind === "threaten" && measure) {
    return {
      move: { kind: "threaten", target: pressure.by, measureId: measure.id },
      rationale: `Answered ${possessive(situation.view, pressure.by)} threat with a threat of its own (${measure.name}): tit-for-tat.`,
    };
  }
  if (
    pressure.kind === "withhold" &&
    !situation.view.withheld.some((w) => w.by === situation.me && w.from === pressure.by)
  ) {
    return {
      move: { kind: "withhold", from: pressure.by },
      rationale: `Withheld information from ${who}, who had withheld from it: tit-for-tat.`,
    };
  }
  return undefined;
};

/** Tit-for-tat: answer cooperation in kind (lift a measure, share back, return a gesture). */
const answerCooperationInKind: Tactic = (context) => {
  const { parameters, situation } = context;
  if (!parameters.mirrorsApproach || context.recentPressures.length > 0) return undefined;
  for (const seat of situation.counterparts) {
    const last = lastMoveBy(situation.view, seat);
    if (!last || last.round < situation.round - 1) continue;
    const who = nameOf(situation.view, seat);
    const inForce = measuresOf(context, seat).find((m) => m.level > 0);
    if (inForce && (last.kind === "liftMeasure" || last.approach === "mutualGains" || last.approach === "trackTwo")) {
      return {
        move: { kind: "liftMeasure", measureId: inForce.id },
        rationale: `Lifted ${inForce.name} because ${who} made a cooperative move: tit-for-tat returns goodwill for goodwill.`,
      };
    }
    if (last.kind === "shareInterests" && !sharedWith(situation).has(seat)) {
      return shareWith(
        context,
        [seat],
        `${who} shared its interests with it, so it shared its own back (tit-for-tat).`,
      );
    }
    if (last.kind === "confidenceBuilding" && !hasDone(situation, "confidenceBuilding")) {
      return {
        move: { kind: "confidenceBuilding", with: seat },
        rationale: `Returned ${possessive(situation.view, seat)} goodwill gesture with one of its own (tit-for-tat).`,
      };
    }
  }
  return undefined;
};

function shareWith(context: Context, to: SeatId[], rationale: string): Decision | undefined {
  const { view, me } = context.situation;
  const withheld = (s: SeatId) =>
    view.withheld.some((w) => (w.by === me && w.from === s) || (w.by === s && w.from === me));
  const recipients = to.filter((s) => !withheld(s));
  if (recipients.length === 0) return undefined;
  return {
    move: { kind: "shareInterests", to: recipients, issueIds: view.scenario.issues.map((i) => i.id) },
    rationale,
  };
}

/** Track II first: a workshop, then confidence-building, then back channels, for the persona's opening rounds. */
const trackTwoOpening: Tactic = (context) => {
  const { parameters, situation } = context;
  if (situation.round > parameters.trackTwoRounds || situation.counterparts.length === 0) return undefined;
  const { view, me } = situation;
  const coldest = [...situation.counterparts].sort(
    (a, b) => trustWith(view, me, a) - trustWith(view, me, b),
  )[0] as SeatId;
  const step = situation.round % 3;
  if (step === 1) {
    return {
      move: { kind: "workshop", with: situation.counterparts },
      rationale: `Convened a problem-solving workshop before bargaining: trust (${n(context.stance.trust)}) is too low for a deal to hold.`,
    };
  }
  if (step === 2) {
    return {
      move: { kind: "confidenceBuilding", with: coldest },
      rationale: `Made a goodwill gesture to ${nameOf(view, coldest)}, the party it trusts least (${n(trustWith(view, me, coldest))}), to make a later agreement possible.`,
    };
  }
  return {
    move: {
      kind: "backChannel",
      to: coldest,
      text: "Off the record: we want this to work. Tell us what you need most.",
    },
    rationale: `Opened a back channel to ${nameOf(view, coldest)} to build trust before the formal bargaining.`,
  };
};

/** Answer an offer of joint fact-finding: join it, or (a hard bargainer) withhold instead. */
const answerFactFinding: Tactic = (context) => {
  const { situation, parameters } = context;
  const { view, me } = situation;
  const offer = view.factFindings.find(
    (f) => !f.agreed && f.parties[1] === me && situation.counterparts.includes(f.parties[0]),
  );
  if (!offer) return undefined;
  const from = offer.parties[0];
  const who = nameOf(view, from);
  if (parameters.withholdsFromProbes) {
    if (view.withheld.some((w) => w.by === me && w.from === from)) return undefined;
    return {
      move: { kind: "withhold", from },
      rationale: `Withheld information from ${who} instead of joining its fact-finding: it keeps its cards close.`,
    };
  }
  if (!parameters.sharesInterests && parameters.opponentModel !== "learned") return undefined;
  if (context.exploiters.includes(from)) return undefined;
  if (view.withheld.some((w) => (w.by === me && w.from === from) || (w.by === from && w.from === me))) return undefined;
  return {
    move: { kind: "jointFactFinding", with: from, issueId: offer.issueId },
    rationale: `Joined ${possessive(view, from)} joint fact-finding on ${issueName(context, offer.issueId)}: shared facts make a joint solution easier.`,
  };
};

/** Mutual gains: share interests with the parties that have not exploited it, and with an active mediator. */
const shareInterests: Tactic = (context) => {
  const { situation, parameters } = context;
  const already = sharedWith(situation);
  if (parameters.sharesInterests && !context.stance.guarded && situation.round <= 3) {
    const to = situation.counterparts.filter((s) => !already.has(s) && !context.exploiters.includes(s));
    if (to.length > 0) {
      const decision = shareWith(
        context,
        to,
        `Shared its interests with ${listNames(to.map((s) => nameOf(situation.view, s)))} so that they can trade across issues together.`,
      );
      if (decision) return decision;
    }
  }
  if (situation.mediationActive && parameters.mediation !== "refuse") {
    const to = situation.mediators.filter((s) => !already.has(s));
    if (to.length > 0) {
      return shareWith(
        context,
        to,
        `Confided its interests to the mediator (${to.map((s) => nameOf(situation.view, s)).join(", ")}) so it can look for a fair package.`,
      );
    }
  }
  return undefined;
};

function creativeCandidates(context: Context) {
  const { view, me } = context.situation;
  const bonus = view.me?.creativeBonus ?? {};
  const coldest = Math.min(...context.situation.counterparts.map((s) => trustWith(view, me, s)));
  const options = view.scenario.creativeOptions
    .filter((c) => !c.unlocked && (bonus[c.id] ?? 0) > 0)
    .sort((a, b) => (bonus[b.id] ?? 0) - (bonus[a.id] ?? 0));
  return options.map((option) => ({
    option,
    coldest,
    groundwork: option.unlock.after.length === 0 || option.unlock.after.some((k) => (view.groundwork[k] ?? 0) > 0),
  }));
}

/** Mutual gains: put a creative option on the table once the groundwork and trust are there. */
const proposeCreative: Tactic = (context) => {
  if (!context.parameters.proposesCreative || context.situation.counterparts.length === 0) return undefined;
  const ready = creativeCandidates(context).find((c) => c.groundwork && c.coldest >= c.option.unlock.trust);
  if (!ready) return undefined;
  return {
    move: { kind: "proposeCreative", creativeId: ready.option.id },
    rationale: `Proposed the creative option '${ready.option.name}': the groundwork is done and trust (${n(ready.coldest)}) is high enough, and it adds value for both sides.`,
  };
};

/** The groundwork kinds a bot can do itself, in the order an integrator prefers them. */
const groundworkOrder = [
  "shareInterests",
  "jointFactFinding",
  "workshop",
  "backChannel",
  "confidenceBuilding",
] as const;

/**
 * Mutual gains (or Track II): do the groundwork a creative option needs, and build its
 * trust, in a round its standing offer can wait.
 */
const buildTowardsCreative: Tactic = (context) => {
  const { situation, parameters } = context;
  if (!parameters.proposesCreative || situation.counterparts.length === 0) return undefined;
  if (situation.round > situation.roundLimit - 2) return undefined;
  const { view, me } = situation;
  const blocked = (s: SeatId) =>
    view.withheld.some((w) => (w.by === me && w.from === s) || (w.by === s && w.from === me));
  for (const { option, coldest, groundwork } of creativeCandidates(context)) {
    if (coldest < option.unlock.trust - 15) continue;
    if (groundwork && coldest >= option.unlock.trust) continue;
    const target = situation.counterparts.find((s) => trustWith(view, me, s) === coldest) as SeatId;
    const who = nameOf(view, target);
    const need = groundwork
      ? `trust with ${who} (${n(coldest)}) is still short of what '${option.name}' needs (${option.unlock.trust})`
      : `'${option.name}' needs groundwork first`;
    // A Track II builder convenes workshops; an integrator prefers the moves of mutual gains.
    const kinds = parameters.trackTwoRounds > 0 ? (["workshop", ...groundworkOrder] as const) : groundworkOrder;
    const allowed = (kind: string) => groundwork || option.unlock.after.includes(kind);
    for (const kind of kinds) {
      if (!allowed(kind)) continue;
      if (
        kind === "shareInterests" &&
        !sharedWith(situation).has(target) &&
        !blocked(target) &&
        !context.exploiters.includes(target)
      ) {
        return shareWith(context, [target], `Shared its interests with ${who}: ${need}.`);
      }
      if (
        kind === "jointFactFinding" &&
        parameters.opponentModel === "learned" &&
        !blocked(target) &&
        !context.exploiters.includes(target)
      ) {
        // Any fact-finding between the two on an issue, offered or done, rules that issue out.
        const taken = new Set(
          view.factFindings.filter((f) => f.parties.includes(me) && f.parties.includes(target)).map((f) => f.issueId),
        );
        const issue = view.scenario.issues.find((i) => !i.legal && !taken.has(i.id));
        if (issue) {
          return {
            move: { kind: "jointFactFinding", with: target, issueId: issue.id },
            rationale: `Let its offer stand and offered ${who} joint fact-finding on ${issue.name}: ${need}.`,
          };
        }
      }
      if (kind === "workshop") {
        return {
          move: { kind: "workshop", with: situation.counterparts },
          rationale: `Convened a problem-solving workshop: ${need}.`,
        };
      }
      if (kind === "backChannel") {
        return {
          move: { kind: "backChannel", to: target, text: "Between us: there is a joint option here worth building." },
          rationale: `Opened a back channel to ${who}: ${need}.`,
        };
      }
      if (kind === "confidenceBuilding") {
        return {
          move: { kind: "confidenceBuilding", with: target },
          rationale: `Made a goodwill gesture to ${who}: ${need}.`,
        };
      }
    }
  }
  return undefined;
};

/** Ask for a mediator when direct talks stall and trust is low. */
const seekMediation: Tactic = (context) => {
  const { situation, parameters } = context;
  const { view, me } = situation;
  if (parameters.mediation !== "seek" || situation.mediators.length === 0 || view.mediation.consented.includes(me)) {
    return undefined;
  }
  if ((situation.round < 2 && context.stance.trust >= 35) || situation.round > situation.roundLimit - 2)
    return undefined;
  return {
    move: { kind: "inviteMediator" },
    rationale: `Invited the mediator: trust between the parties (${n(context.stance.trust)}) is low and a neutral broker can carry proposals between them.`,
  };
};

/** With little trust, a bot that seeks mediation asks for it before bargaining further. */
const seekMediationWhenDistrustful: Tactic = (context) =>
  context.situation.round >= 2 && context.stance.trust < 35 ? seekMediation(context) : undefined;

/** Judicial settlement: take a legal issue to its forum where the merits favour it and a ruling can come in time. */
const fileClaim: Tactic = (context) => {
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

/** Competitive bargaining: threaten a measure early. */
const threaten: Tactic = (context) => {
  const { situation, parameters } = context;
  if (!parameters.threatens || situation.round > 3 || !hasDone(situation, "propose")) return undefined;
  const { view, me } = situation;
  const measure = measuresOf(context).find(
    (m) => m.level < m.maxLevel && !view.threats.some((t) => t.by === me && t.measureId === m.id),
  );
  if (!measure || view.threats.some((t) => t.by === me)) return undefined;
  return {
    move: { kind: "threaten", target: measure.against, measureId: measure.id },
    rationale: `Threatened ${nameOf(view, measure.against)} with ${measure.name} to raise the cost of refusing its terms.`,
  };
};

/** Competitive bargaining: escalate a threatened measure when its proposals were refused. */
const escalate: Tactic = (context) => {
  const { situation, parameters, dice } = context;
  if (!parameters.escalatesWhenRefused || situation.lastRound) return undefined;
  const { view, me } = situation;
  const mine = view.proposals.filter((p) => p.by === me);
  const last = mine.at(-1);
  const refused = last !== undefined && (last.status === "rejected" || last.status === "expired");
  const pressed = context.recentPressures.length > 0;
  if (!refused && !pressed) return undefined;
  const imposed = view.log.filter((e) => e.by === me && e.kind === "impose").length;
  if (imposed >= 2 || unit(dice, situation.round, "escalate") > 0.7) return undefined;
  const measure = measuresOf(context).find(
    (m) => m.level < m.maxLevel && view.threats.some((t) => t.by === me && t.measureId === m.id),
  );
  if (!measure) return undefined;
  const why = refused ? "its proposal was refused after its threat" : "it was pressed and answers pressure with more";
  return {
    move: { kind: "impose", measureId: measure.id },
    rationale: `Escalated: imposed ${measure.name} on ${nameOf(view, measure.against)} because ${why}.`,
  };
};

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
const bargain: Tactic = (context) => {
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

/** The order in which a state considers its options; the persona's parameters switch each one on or off. */
const tactics: Tactic[] = [
  answerPressureInKind,
  answerCooperationInKind,
  trackTwoOpening,
  answerFactFinding,
  shareInterests,
  proposeCreative,
  seekMediationWhenDistrustful,
  fileClaim,
  escalate,
  threaten,
];

/** What a state does with a round in which its standing offer needs no change. */
const spareRound: Tactic[] = [seekMediation, buildTowardsCreative];

/** A state's main move of the round. */
export function stateMainMove(context: Context): Decision {
  for (const tactic of tactics) {
    const decision = tactic(context);
    if (decision) return decision;
  }
  // An integrator lets last round's offer stand for a round when it can use the round to
  // build towards a creative option, and puts off bargaining when one is nearly in reach.
  const { situation, parameters } = context;
  const open = situation.myOpenProposal;
  const nearly = creativeCandidates(context).some(
    (c) => c.groundwork && c.coldest < c.option.unlock.trust && c.coldest >= c.option.unlock.trust - creativeReach,
  );
  const fresh = open !== undefined && open.round === situation.round - 1;
  if (parameters.opponentModel === "learned" && (fresh || (nearly && situation.round <= situation.roundLimit - 2))) {
    const building = buildTowardsCreative(context);
    if (building) return building;
  }
  const offer = bargain(context);
  if (offer && offer.move.kind !== "pass") return offer;
  for (const tactic of spareRound) {
    const decision = tactic(context);
    if (decision) return decision;
  }
  return offer ?? { move: { kind: "pass" }, rationale: "Passed: nothing useful to do this round." };
}
