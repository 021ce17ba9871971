import type { Measure } from "../../scenario/schema.ts";
import { namedSeatChecks, present, statesOnly } from "../checks.ts";
import { addLog } from "../draft.ts";
import { addLegitimacy, addTension, addTrust, addTrustWith } from "../indicators.ts";
import { magnitude } from "../magnitudes.ts";
import { type Check, check, defineMove } from "../moveRule.ts";
import { issueName, optionLabel, seatName } from "../names.ts";
import { describePackage, packageChecks } from "../packages.ts";
import { openProposalsBy, proposalAudience, putOnTable } from "../proposals.ts";
import type { GameState, Package, SeatId } from "../types.ts";
import { changeBatna } from "../value.ts";
import { withholding } from "../withholding.ts";
import { knownProposal, proposalOf } from "./universal.ts";

function measureOf(state: GameState, measureId: string): Measure | undefined {
  return state.scenario.measures.find((m) => m.id === measureId);
}

function levelOf(state: GameState, measureId: string): number {
  return state.families.measures[measureId] ?? 0;
}

const hasMeasures = check<unknown>("NoMeasureOfYours", (state, seat) =>
  state.scenario.measures.some((m) => m.by === seat) ? null : "No measure in this scenario is yours to impose.",
);

/** Checks that a move names a measure of the scenario that the mover controls. */
function ownMeasureChecks<M extends { measureId: string }>(): Check<M>[] {
  return [
    check<M>("UnknownMeasure", (state, _seat, move) =>
      measureOf(state, move.measureId) ? null : `'${move.measureId}' is not a measure of this scenario.`,
    ),
    check<M>("NotYourMeasure", (state, seat, move) => {
      const measure = measureOf(state, move.measureId);
      return !measure || measure.by === seat
        ? null
        : `${measure.name} is ${seatName(state, measure.by)}'s to impose, not yours.`;
    }),
  ];
}

const measureLeftToRaise = check<unknown>("AllMeasuresAtMaximum", (state, seat) =>
  state.scenario.measures.some((m) => m.by === seat && levelOf(state, m.id) < m.maxLevel)
    ? null
    : "All your measures are already at their highest level.",
);

function notAtMaximum<M extends { measureId: string }>(): Check<M> {
  return check<M>("MeasureAtMaximum", (state, _seat, move) => {
    const measure = measureOf(state, move.measureId);
    return measure && levelOf(state, measure.id) >= measure.maxLevel
      ? `${measure.name} is already at its highest level (${measure.maxLevel}).`
      : null;
  });
}

export const threaten = defineMove("threaten", {
  approach: "competitive",
  summary: "Warn a party that you will impose or escalate one of your measures: lowers trust, raises tension.",
  main: true,
  preconditions: [statesOnly("threaten a measure"), hasMeasures],
  availability: [measureLeftToRaise],
  candidates: {
    of: (state, seat) =>
      state.scenario.measures
        .filter((m) => m.by === seat)
        .map((m) => ({ kind: "threaten", measureId: m.id, target: m.against })),
  },
  checks: [
    ...ownMeasureChecks(),
    check("WrongTarget", (state, _seat, move) => {
      const measure = measureOf(state, move.measureId);
      return !measure || measure.against === move.target
        ? null
        : `${measure.name} targets ${seatName(state, measure.against)}, not ${seatName(state, move.target)}.`;
    }),
    check("TargetLeft", (state, _seat, move) =>
      state.walkedAway.includes(move.target) ? `${seatName(state, move.target)} has walked away from the table.` : null,
    ),
    notAtMaximum(),
  ],
  apply(draft, seat, move, seq) {
    const measure = measureOf(draft, move.measureId);
    if (!measure) return;
    const effect = magnitude(draft, "threaten");
    draft.families.threats.push({ by: seat, target: move.target, measureId: measure.id, round: draft.round });
    addTrust(draft, seat, move.target, effect.trust);
    addTension(draft, effect.tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "threaten",
      approach: "competitive",
      text: `${seatName(draft, seat)} threatens ${seatName(draft, move.target)} with a measure unless it moves: ${measure.name} (now at level ${levelOf(draft, measure.id)} of ${measure.maxLevel}).`,
      visibleTo: "all",
    });
  },
});

export const impose = defineMove("impose", {
  approach: "competitive",
  summary:
    "Impose or escalate one of your measures by a level: both sides' alternatives to a deal worsen (lose–lose), tension rises, trust falls.",
  main: true,
  preconditions: [statesOnly("impose a measure"), hasMeasures],
  availability: [measureLeftToRaise],
  checks: [...ownMeasureChecks(), notAtMaximum()],
  apply(draft, seat, move, seq) {
    const measure = measureOf(draft, move.measureId);
    if (!measure) return;
    const effect = magnitude(draft, "impose");
    const level = levelOf(draft, measure.id) + 1;
    draft.families.measures[measure.id] = level;
    for (const [party, damage] of Object.entries(measure.damage)) {
      changeBatna(draft, party, -damage, "competitive", seat, seq);
    }
    addTension(draft, measure.tension);
    addTrust(draft, seat, measure.against, effect.trust);
    // A measure nobody was warned of looks arbitrary abroad; a threatened one was signalled.
    const signalled = draft.families.threats.some((t) => t.by === seat && t.measureId === measure.id);
    if (!signalled) addLegitimacy(draft, seat, effect.surpriseLegitimacy);
    addLog(draft, {
      seq,
      by: seat,
      kind: "impose",
      approach: "competitive",
      text: `${seatName(draft, seat)} ${level === 1 ? "imposes" : "escalates"} a measure${signalled ? "" : " without warning"}: ${measure.name} (level ${level} of ${measure.maxLevel}). Both sides' alternatives to a deal worsen.`,
      visibleTo: "all",
    });
  },
});

export const liftMeasure = defineMove("liftMeasure", {
  approach: "competitive",
  summary:
    "Lower one of your measures by a level: tension eases, a little trust returns, half of that level's damage is undone.",
  main: true,
  preconditions: [statesOnly("lift a measure"), hasMeasures],
  availability: [
    check<unknown>("NoMeasureInForce", (state, seat) =>
      state.scenario.measures.some((m) => m.by === seat && levelOf(state, m.id) > 0)
        ? null
        : "None of your measures is in force.",
    ),
  ],
  checks: [
    ...ownMeasureChecks(),
    check("MeasureNotInForce", (state, _seat, move) => {
      const measure = measureOf(state, move.measureId);
      return measure && levelOf(state, measure.id) === 0 ? `${measure.name} is not in force.` : null;
    }),
  ],
  apply(draft, seat, move, seq) {
    const measure = measureOf(draft, move.measureId);
    if (!measure) return;
    const effect = magnitude(draft, "liftMeasure");
    const level = levelOf(draft, measure.id) - 1;
    draft.families.measures[measure.id] = level;
    // Part of the damage is sunk (lost trade, moved supply chains); the rest comes back.
    for (const [party, damage] of Object.entries(measure.damage)) {
      changeBatna(draft, party, damage * effect.restoreShare, "competitive", seat, seq);
    }
    addTension(draft, -measure.tension * effect.tensionShare);
    addTrust(draft, seat, measure.against, effect.trust);
    addLog(draft, {
      seq,
      by: seat,
      kind: "liftMeasure",
      approach: "competitive",
      text: `${seatName(draft, seat)} ${level === 0 ? "lifts" : "scales back"} a measure: ${measure.name} (now at level ${level} of ${measure.maxLevel}).`,
      visibleTo: "all",
    });
  },
});

/** The package of a proposal with one issue moved to another option. */
function conceded(pkg: Package, issueId: string, optionId: string): Package {
  return { options: { ...pkg.options, [issueId]: optionId }, creative: [...(pkg.creative ?? [])] };
}

function ownOpenProposal(state: GameState, seat: SeatId, proposalId: string) {
  const proposal = proposalOf(state, proposalId);
  return proposal && proposal.by === seat && proposal.status === "open" ? proposal : undefined;
}

const concessionPackageChecks = packageChecks().filter((c) => c.code === "RulingMustBeKept");

/**
 * Whether moving an issue from option `from` to option `to` is a concession for a seat whose
 * points on that issue are `points`: `to` is worth less to it. `concede` allows only these;
 * the client's concession form offers only these.
 */
export function isConcession(points: Readonly<Record<string, number>> | undefined, from: string, to: string): boolean {
  return (points?.[to] ?? 0) < (points?.[from] ?? 0);
}

export const concede = defineMove("concede", {
  approach: "competitive",
  summary: "Move one issue of your open proposal to an option worth less to you: a new version, and a little trust.",
  main: true,
  preconditions: [statesOnly("concede on a proposal")],
  availability: [
    check<unknown>("NoOpenProposal", (state, seat) =>
      openProposalsBy(state, seat).length > 0 ? null : "You have no open proposal to concede on.",
    ),
  ],
  candidates: {
    of: (state, seat) => {
      const points = state.scenario.parties.find((p) => p.id === seat)?.payoffs ?? {};
      return openProposalsBy(state, seat).flatMap((p) =>
        state.scenario.issues.flatMap((issue) =>
          issue.options
            .filter((o) => isConcession(points[issue.id], p.package.options[issue.id] ?? "", o.id))
            .map((o) => ({ kind: "concede", proposalId: p.id, issueId: issue.id, optionId: o.id })),
        ),
      );
    },
    none: "Your open proposals already offer, on every issue, the least you can give: the option worth least to you, or the one a ruling binds.",
  },
  checks: [
    knownProposal,
    check("NotYourProposal", (state, seat, move) =>
      proposalOf(state, move.proposalId)?.by === seat ? null : "You can only concede on your own proposals.",
    ),
    check("ProposalNotOpen", (state, _seat, move) => {
      const status = proposalOf(state, move.proposalId)?.status;
      return status === "open" ? null : `This proposal is no longer open (it was ${status}).`;
    }),
    check("UnknownIssue", (state, _seat, move) =>
      state.scenario.issues.some((i) => i.id === move.issueId)
        ? null
        : `'${move.issueId}' is not an issue of this scenario.`,
    ),
    check("UnknownOption", (state, _seat, move) => {
      const issue = state.scenario.issues.find((i) => i.id === move.issueId);
      return !issue || issue.options.some((o) => o.id === move.optionId)
        ? null
        : `Option '${move.optionId}' is not an option of issue '${issue.name}'.`;
    }),
    check("SameOption", (state, seat, move) => {
      const proposal = ownOpenProposal(state, seat, move.proposalId);
      return proposal?.package.options[move.issueId] === move.optionId
        ? `Your proposal already offers '${optionLabel(state, move.issueId, move.optionId)}' on ${issueName(state, move.issueId)}.`
        : null;
    }),
    check("NotAConcession", (state, seat, move) => {
      const proposal = ownOpenProposal(state, seat, move.proposalId);
      if (!proposal) return null;
      const table = state.scenario.parties.find((p) => p.id === seat)?.payoffs[move.issueId] ?? {};
      const current = proposal.package.options[move.issueId] ?? "";
      return isConcession(table, current, move.optionId)
        ? null
        : `A concession moves to an option worth less to you: '${optionLabel(state, move.issueId, move.optionId)}' is worth ${table[move.optionId] ?? 0}, '${optionLabel(state, move.issueId, current)}' ${table[current] ?? 0}.`;
    }),
    ...concessionPackageChecks.map((c) =>
      check<{ proposalId: string; issueId: string; optionId: string }>(c.code, (state, seat, move) => {
        const proposal = ownOpenProposal(state, seat, move.proposalId);
        return proposal
          ? c.test(state, seat, { package: conceded(proposal.package, move.issueId, move.optionId) })
          : null;
      }),
    ),
  ],
  apply(draft, seat, move, seq) {
    const old = ownOpenProposal(draft, seat, move.proposalId);
    if (!old) return;
    const framing =
      old.framing === "ultimatum" || old.framing === "mediator" || old.framing === "award" ? "plain" : old.framing;
    const pkg = conceded(old.package, move.issueId, move.optionId);
    const proposal = putOnTable(draft, seq, { by: seat, to: old.to, package: pkg, framing, approach: "competitive" });
    addTrustWith(draft, seat, old.to, magnitude(draft, "concede").trust);
    addLog(draft, {
      seq,
      by: seat,
      kind: "concede",
      approach: "competitive",
      text: `${seatName(draft, seat)} concedes on ${issueName(draft, move.issueId)}: now '${optionLabel(draft, move.issueId, move.optionId)}' (proposal ${proposal.id}, version ${proposal.version}): ${describePackage(draft.scenario, pkg)}.`,
      visibleTo: proposalAudience(draft, proposal),
    });
  },
});

export const withhold = defineMove("withhold", {
  approach: "competitive",
  summary:
    "Refuse to share information with a party for a while: blocks joint fact-finding and sharing between you, lowers trust.",
  main: true,
  preconditions: [statesOnly("withhold information")],
  candidates: { of: (state, seat) => present(state, seat).map((other) => ({ kind: "withhold", from: other })) },
  checks: [
    ...namedSeatChecks<{ from: SeatId }>((m) => [m.from], "party to withhold from"),
    check("AlreadyWithholding", (state, seat, move) => {
      const current = withholding(state, seat, move.from);
      return current
        ? `You already withhold information from ${seatName(state, move.from)} (until the end of round ${current.untilRound}).`
        : null;
    }),
  ],
  apply(draft, seat, move, seq) {
    const effect = magnitude(draft, "withhold");
    const untilRound = draft.round + effect.rounds - 1;
    draft.families.withheld.push({ by: seat, from: move.from, untilRound });
    // Offers of joint fact-finding between the two lapse: one side now refuses to look together.
    draft.families.factFindings = draft.families.factFindings.filter(
      (f) => f.agreed || !(f.parties.includes(seat) && f.parties.includes(move.from)),
    );
    addTrust(draft, seat, move.from, effect.trust);
    addLog(draft, {
      seq,
      by: seat,
      kind: "withhold",
      approach: "competitive",
      text: `${seatName(draft, seat)} refuses to share information with ${seatName(draft, move.from)} until the end of round ${untilRound}.`,
      visibleTo: "all",
    });
  },
});

export const competitiveMoves = [threaten, impose, liftMeasure, concede, withhold];
