import type { Package, Proposal } from "../rules/types.ts";
import { acceptanceBar, type Decision } from "./answers.ts";
import type { PersonaParameters } from "./personas.ts";
import { nameOf, pointsOf, possessive, type Situation } from "./situation.ts";
import type { Stance } from "./stance.ts";

const n = (value: number) => String(Math.round(value));

/** A change of one issue's option, as a party asks a mediator for it. */
interface Ask {
  issueId: string;
  optionId: string;
}

function issueOf(situation: Situation, issueId: string) {
  return situation.view.scenario.issues.find((i) => i.id === issueId);
}

function optionLabel(situation: Situation, issueId: string, optionId: string): string {
  return issueOf(situation, issueId)?.options.find((o) => o.id === optionId)?.label ?? optionId;
}

function withAsks(pkg: Package, asks: readonly Ask[]): Package {
  const options = { ...pkg.options };
  for (const ask of asks) options[ask.issueId] = ask.optionId;
  return { options, creative: [...(pkg.creative ?? [])] };
}

/**
 * The smallest change to a package that would make it worth `bar` to the bot: one issue
 * changed if one will do, else two; of those, the one that asks least (the fewest points
 * above the bar, so that the mediator keeps the most for the others). Issues fixed by a
 * binding ruling stay as they are. Undefined when two changes are not enough.
 */
export function smallestAsk(situation: Situation, pkg: Package, bar: number): Ask[] | undefined {
  const issues = situation.view.scenario.issues.filter((i) => situation.fixed[i.id] === undefined);
  const singles: Ask[] = issues.flatMap((issue) =>
    issue.options.filter((o) => o.id !== pkg.options[issue.id]).map((o) => ({ issueId: issue.id, optionId: o.id })),
  );
  const cheapest = (candidates: Ask[][]) => {
    let best: { asks: Ask[]; points: number } | undefined;
    for (const asks of candidates) {
      const points = pointsOf(situation, withAsks(pkg, asks));
      if (points + 1e-9 >= bar && (!best || points < best.points)) best = { asks, points };
    }
    return best?.asks;
  };
  const one = cheapest(singles.map((ask) => [ask]));
  if (one) return one;
  const pairs: Ask[][] = [];
  for (let i = 0; i < singles.length; i++) {
    for (let j = i + 1; j < singles.length; j++) {
      const a = singles[i] as Ask;
      const b = singles[j] as Ask;
      if (a.issueId !== b.issueId) pairs.push([a, b]);
    }
  }
  return cheapest(pairs);
}

/** The issues where the package falls furthest short of the bot's best option (at most two), with that option. */
function furthestShort(situation: Situation, pkg: Package): Ask[] {
  const payoffs = situation.view.me?.payoffs ?? {};
  return situation.view.scenario.issues
    .filter((issue) => situation.fixed[issue.id] === undefined)
    .map((issue) => {
      const table = payoffs[issue.id] ?? {};
      const best = issue.options.reduce((a, b) => ((table[b.id] ?? 0) > (table[a.id] ?? 0) ? b : a));
      return {
        issueId: issue.id,
        optionId: best.id,
        short: (table[best.id] ?? 0) - (table[pkg.options[issue.id] ?? ""] ?? 0),
      };
    })
    .filter((x) => x.short > 0)
    .sort((a, b) => b.short - a.short)
    .slice(0, 2)
    .map(({ issueId, optionId }) => ({ issueId, optionId }));
}

/** "“Current line of control” on Territory in place of “Full sovereignty”", and so on: in words, never in points. */
function describeAsks(situation: Situation, pkg: Package, asks: readonly Ask[]): string {
  const parts = asks.map((ask) => {
    const issue = issueOf(situation, ask.issueId)?.name ?? ask.issueId;
    const from = optionLabel(situation, ask.issueId, pkg.options[ask.issueId] ?? "");
    return `“${optionLabel(situation, ask.issueId, ask.optionId)}” on ${issue} in place of “${from}”`;
  });
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** The log line of a third party's proposal: the bot's message about it must come after it. */
function madeAt(situation: Situation, proposal: Proposal): number {
  const line = situation.view.log.find(
    (e) => e.by === proposal.by && e.kind === "mediatorProposal" && e.round === proposal.round,
  );
  return line?.seq ?? -1;
}

/** Whether the bot has written to the proposal's author since it was made (its answer in words). */
function toldAuthor(situation: Situation, proposal: Proposal): boolean {
  const since = madeAt(situation, proposal);
  return situation.view.log.some(
    (e) =>
      e.by === situation.me &&
      e.kind === "chat" &&
      e.seq > since &&
      e.visibleTo !== "all" &&
      e.visibleTo.includes(proposal.by),
  );
}

/**
 * A party's answer to a mediator's proposal it will not accept now (accepting comes first,
 * in `acceptable`). A negotiator answers a mediator, who otherwise works blind: the bot
 * tells the mediator privately what would make the package acceptable to it now (the
 * smallest change of one or two issues), or, when no such change is near, the issues where
 * it falls furthest short. It says this in words, never in points: its payoffs and its
 * no-deal value stay its own. Then, if the package is worth less than it would take even
 * in the last round (its reservation value), it rejects it, so that the mediator can move
 * on; if not, it lets it stand, as it may take it later when it has come down.
 */
export function mediatorProposalAnswer(
  situation: Situation,
  parameters: PersonaParameters,
  stance: Stance,
): Decision | undefined {
  for (const proposal of situation.awaitingAnswer) {
    if (proposal.framing !== "mediator" || situation.states.includes(proposal.by)) continue;
    const points = pointsOf(situation, proposal.package);
    const now = acceptanceBar(situation, parameters, stance, proposal).bar;
    const last = acceptanceBar({ ...situation, lastRound: true }, parameters, stance, proposal).bar;
    const never = points + 1e-9 < last;
    const mediator = nameOf(situation.view, proposal.by);
    if (!toldAuthor(situation, proposal)) {
      const asks = smallestAsk(situation, proposal.package, now);
      const short = furthestShort(situation, proposal.package);
      const need = asks
        ? `We could accept it with ${describeAsks(situation, proposal.package, asks)}.`
        : short.length > 0
          ? `It is far from what we need: above all ${describeAsks(situation, proposal.package, short)}.`
          : "It is far from what we need.";
      return {
        move: {
          kind: "chat",
          to: [proposal.by],
          text: `${never ? "We cannot accept your proposal." : "We cannot accept your proposal as it stands."} ${need}`,
        },
        rationale: `Told ${mediator} what it needs to accept the mediator's proposal: worth ${n(points)} to it, below what it holds out for now (${n(now)})${asks ? "" : ", and no change of one or two issues would bring it there"}.`,
      };
    }
    if (never) {
      return {
        move: { kind: "reject", proposalId: proposal.id },
        rationale: `Rejected ${possessive(situation.view, proposal.by)} proposal: worth ${n(points)} to it, below what it would take even at the end (${n(last)}), so the mediator should look for another package.`,
      };
    }
  }
  return undefined;
}
