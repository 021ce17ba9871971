import type { SeatId } from "../rules/types.ts";
import type { Decision } from "./answers.ts";
import { unit } from "./dice.ts";
import { type Estimate, estimatedPoints, estimatePayoffs } from "./opponentModel.ts";
import { choicesOf, type PackageSpace, packageAt } from "./packageSpace.ts";
import type { PersonaParameters } from "./personas.ts";
import { listNames, meanTrustWith, nameOf, type Situation } from "./situation.ts";
import { keepsRulings } from "./stance.ts";

const n = (value: number) => String(Math.round(value));

function names(situation: Situation, seats: readonly SeatId[]): string {
  return listNames(seats.map((s) => nameOf(situation.view, s)));
}

/** The state whose trust in the others is lowest: where a mediator or facilitator is needed most. */
function coldest(situation: Situation, among: readonly SeatId[]): SeatId | undefined {
  const { view } = situation;
  return [...among].sort(
    (a, b) =>
      meanTrustWith(
        view,
        a,
        situation.states.filter((s) => s !== a),
      ) -
      meanTrustWith(
        view,
        b,
        situation.states.filter((s) => s !== b),
      ),
  )[0];
}

/**
 * What each party would get without a deal, as the mediator guesses it from public
 * information: the status quo under its estimate of the party's points, raised to just
 * above any of its own proposals the party has turned down.
 */
function disagreementGuess(situation: Situation, space: PackageSpace, estimate: Estimate): number {
  const { view, me } = situation;
  const statusQuo = choicesOf(space, {
    options: Object.fromEntries(view.scenario.issues.map((i) => [i.id, i.statusQuo])),
  });
  let guess = statusQuo.reduce((sum, option, i) => sum + (estimate.values[i]?.[option] ?? 0), 0);
  for (const proposal of view.proposals) {
    if (proposal.by !== me || !proposal.rejectedBy.includes(estimate.seat)) continue;
    const choices = choicesOf(space, proposal.package);
    const value = choices.reduce((sum, option, i) => sum + (estimate.values[i]?.[option] ?? 0), 0);
    guess = Math.max(guess, value + 1);
  }
  return guess;
}

interface NashGuess {
  index: number;
  points: number[];
  disagreement: number[];
}

/** The package that maximises the product of the parties' estimated gains over their guessed no-deal values. */
function nashGuess(situation: Situation, space: PackageSpace, estimates: Estimate[], dice: number): NashGuess {
  const disagreement = estimates.map((e) => disagreementGuess(situation, space, e));
  const rejected = new Set(
    situation.view.proposals
      .filter((p) => p.by === situation.me && p.status !== "open")
      .map((p) => choicesOf(space, p.package).join(",")),
  );
  const k = space.issues.length;
  let best = -1;
  let bestLog = Number.NEGATIVE_INFINITY;
  let bestMin = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < space.size; p++) {
    if (!keepsRulings(situation, space, p)) continue;
    if (rejected.has(Array.from(space.choices.subarray(p * k, p * k + k)).join(","))) continue;
    let log = 0;
    let least = Number.POSITIVE_INFINITY;
    estimates.forEach((estimate, j) => {
      const gain = estimatedPoints(space, estimate, p) - (disagreement[j] ?? 0);
      least = Math.min(least, gain);
      log += gain > 0 ? Math.log(gain) : Number.NEGATIVE_INFINITY;
    });
    log += 1e-6 * unit(dice, p);
    if (log > bestLog || (bestLog === Number.NEGATIVE_INFINITY && least > bestMin)) {
      bestLog = log;
      bestMin = least;
      best = p;
    }
  }
  const index = Math.max(0, best);
  return { index, points: estimates.map((e) => estimatedPoints(space, e, index)), disagreement };
}

/**
 * A mediator: it cannot act without every party's consent; once mediation is active it
 * listens (shuttles) until the parties have confided their interests, then proposes the
 * package nearest the fair (Nash) point it can estimate, and shuttles while the parties
 * consider it, moving on when one turns it down.
 */
export function mediatorMove(situation: Situation, space: PackageSpace, dice: number): Decision | null {
  const { view } = situation;
  if (situation.acted) return null;
  if (!situation.mediationActive) {
    const missing = situation.states.filter((s) => !view.mediation.consented.includes(s));
    return {
      move: { kind: "pass" },
      rationale:
        view.mediation.invitedBy.length === 0
          ? "Waited: no party has invited it to mediate, and a mediator cannot act without consent."
          : `Waited: ${names(situation, missing)} ${missing.length === 1 ? "has" : "have"} not consented to mediation yet.`,
    };
  }
  const parties = situation.states;
  const silent = parties.filter((s) => !view.revealedToViewer[s]);
  const activeSince = view.log.find((e) => e.kind === "mediationActive")?.round ?? situation.round;
  if (silent.length > 0 && situation.round <= activeSince + 1) {
    const to = coldest(situation, silent) as SeatId;
    return {
      move: { kind: "shuttle", to, text: "Tell me in confidence what matters most to you, and what you could give." },
      rationale: `Met ${nameOf(view, to)} privately to learn its interests before proposing anything.`,
    };
  }
  const estimates = parties.map((s) => estimatePayoffs(situation, space, s, "learned"));
  const open = view.proposals.find((p) => p.by === situation.me && p.status === "open");
  const stale = open !== undefined && situation.unlocked.some((id) => !(open.package.creative ?? []).includes(id));
  if (open && open.round >= situation.round - 1 && !stale) {
    const waiting = parties.filter((s) => !open.acceptedBy.includes(s));
    const to = coldest(situation, waiting.length > 0 ? waiting : parties) as SeatId;
    return {
      move: { kind: "shuttle", to, text: "Our proposal gives you what you value most. Consider it seriously." },
      rationale: `Shuttled to ${nameOf(view, to)} while the parties consider its proposal: trust between them is the obstacle.`,
    };
  }
  const guess = nashGuess(situation, space, estimates, dice);
  const pkg = packageAt(space, guess.index, situation.unlocked);
  const shares = parties
    .map((s, j) => `${nameOf(view, s)} about ${n(guess.points[j] ?? 0)} against ${n(guess.disagreement[j] ?? 0)}`)
    .join(", ");
  const informed = parties.filter((s) => view.revealedToViewer[s]);
  return {
    move: { kind: "mediatorProposal", to: parties, package: pkg },
    rationale: `Proposed the package nearest the fair (Nash) point it can estimate from ${
      informed.length > 0 ? `what ${names(situation, informed)} confided and ` : ""
    }the parties' proposals: ${shares} without a deal.`,
  };
}

/**
 * An NGO: a Track II facilitator convenes workshops and opens back channels in the first
 * half of the talks; an NGO seat given a persona without Track II stays quiet.
 */
export function facilitatorMove(situation: Situation, parameters: PersonaParameters): Decision | null {
  if (situation.acted) return null;
  const { view } = situation;
  if (
    parameters.trackTwoRounds <= 0 ||
    situation.round > Math.ceil(situation.roundLimit / 2) ||
    situation.states.length < 2
  ) {
    return { move: { kind: "pass" }, rationale: "Stayed in the background and let the states negotiate." };
  }
  if (situation.round % 2 === 1) {
    return {
      move: { kind: "workshop", with: situation.states },
      rationale: `Convened a problem-solving workshop with ${names(situation, situation.states)} to build the trust a deal needs.`,
    };
  }
  const to = coldest(situation, situation.states) as SeatId;
  return {
    move: { kind: "backChannel", to, text: "Off the record: there is a deal here that meets your core concerns." },
    rationale: `Opened a back channel to ${nameOf(view, to)}, the party that trusts the others least.`,
  };
}
