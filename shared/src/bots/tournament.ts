import { isDealParty } from "../rules/names.ts";
import type { GameState, SeatId } from "../rules/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type ReportOptions, tableReport } from "../scoring/report.ts";
import { hash } from "./dice.ts";
import { type BotSeat, simulateGame } from "./simulate.ts";

/** Which persona plays which state seat (third parties keep the default for their kind). */
export type Assignment = Record<SeatId, string>;

/** One seat's result in one game. */
export interface SeatResult {
  seat: SeatId;
  persona: string;
  points: number;
  /** Points scaled 0–100 between the party's worst and best packages. */
  normalised: number | null;
  realist: number | null;
  liberal: number | null;
  /** Mean trust with the other states at the end. */
  trust: number;
  legitimacy: number;
  inAgreement: boolean;
}

/** The numbers a tournament keeps from one game. */
export interface GameResult {
  scenarioId: string;
  seed: number;
  assignment: Assignment;
  agreement: boolean;
  /** The round the game ended in. */
  round: number;
  efficiency: number | null;
  distanceToFrontier: number | null;
  /** Mean trust over every pair of states at the end. */
  trust: number;
  tension: number;
  seats: SeatResult[];
  /** Moves the rules refused (0 in a correct build). */
  illegal: number;
  events: number;
}

/** The state seats of a scenario, in order. */
export function stateSeats(scenario: Scenario): SeatId[] {
  return scenario.parties.filter((p) => p.kind === "state").map((p) => p.id);
}

/**
 * Every assignment of personas to a scenario's states that a tournament plays: with two
 * states, every ordered pair; with more, one seat plays a persona and every other state
 * another (each persona against each, from every seat), which keeps many-seat tables
 * tractable while still pitting every persona against every other from every seat.
 */
export function assignments(scenario: Scenario, personas: readonly string[]): Assignment[] {
  const states = stateSeats(scenario);
  const out = new Map<string, Assignment>();
  for (const focal of states) {
    for (const mine of personas) {
      for (const theirs of personas) {
        const assignment = Object.fromEntries(states.map((s) => [s, s === focal ? mine : theirs]));
        out.set(JSON.stringify(assignment), assignment);
      }
    }
  }
  return [...out.values()];
}

function meanTrustOf(state: GameState, seat: SeatId, others: readonly SeatId[]): number {
  if (others.length === 0) return 50;
  let sum = 0;
  for (const other of others) {
    const key = seat < other ? `${seat}|${other}` : `${other}|${seat}`;
    sum += state.indicators.trust[key] ?? 50;
  }
  return sum / others.length;
}

/** The tournament's numbers for a finished game. */
export function gameResult(
  scenarioId: string,
  seed: number,
  assignment: Assignment,
  state: GameState,
  extra: { illegal: number; events: number },
  options: ReportOptions = {},
): GameResult {
  const report = tableReport(state, options);
  const states = state.seats.filter((s) => isDealParty(state, s));
  let pairs = 0;
  let trust = 0;
  for (let i = 0; i < states.length; i++) {
    for (let j = i + 1; j < states.length; j++) {
      trust += meanTrustOf(state, states[i] as SeatId, [states[j] as SeatId]);
      pairs++;
    }
  }
  const value = (metric: { defined: true; value: number } | { defined: false }) =>
    metric.defined ? metric.value : null;
  return {
    scenarioId,
    seed,
    assignment,
    agreement: state.outcome?.kind === "agreement",
    round: state.outcome?.round ?? state.round,
    efficiency: value(report.efficiency),
    distanceToFrontier: value(report.distanceToFrontier),
    trust: pairs > 0 ? trust / pairs : 50,
    tension: state.indicators.tension,
    seats: states.map((seat) => {
      const score = report.scores.find((s) => s.seat === seat);
      const lenses = report.lenses[seat];
      return {
        seat,
        persona: assignment[seat] ?? "",
        points: score?.points ?? 0,
        normalised: score ? value(score.normalised) : null,
        realist: lenses ? value(lenses.realist.score) : null,
        liberal: lenses ? value(lenses.liberal.score) : null,
        trust: meanTrustOf(
          state,
          seat,
          states.filter((s) => s !== seat),
        ),
        legitimacy: state.indicators.legitimacy[seat] ?? 50,
        inAgreement: score?.inAgreement ?? false,
      };
    }),
    illegal: extra.illegal,
    events: extra.events,
  };
}

/** The seed of game `game` of an assignment in a tournament started from `seed`. */
export function gameSeed(seed: number, scenarioId: string, assignment: Assignment, game: number): number {
  return hash("game", seed, scenarioId, JSON.stringify(assignment), game) & 0x7fffffff;
}

export interface MatchSetup {
  scenario: Scenario;
  assignment: Assignment;
  seed: number;
  /** Extra seat settings (third parties, parameter changes) over the assignment. */
  bots?: Record<SeatId, string | BotSeat>;
  seats?: SeatId[];
}

/** Plays one game of an assignment and keeps its numbers. */
export function playMatch(setup: MatchSetup): GameResult {
  const bots: Record<SeatId, string | BotSeat> = { ...setup.assignment, ...setup.bots };
  const game = simulateGame({ scenario: setup.scenario, seed: setup.seed, bots, seats: setup.seats });
  return gameResult(setup.scenario.id, setup.seed, setup.assignment, game.state, {
    illegal: game.illegal.length,
    events: game.events.length,
  });
}

/** Mean and standard deviation (n − 1) of the defined values. */
export function meanAndSpread(values: readonly (number | null)[]): {
  mean: number | null;
  sd: number | null;
  n: number;
} {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: null, sd: null, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, sd: null, n };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, sd: Math.sqrt(variance), n };
}

export interface PersonaSummary {
  scenarioId: string;
  persona: string;
  /** Seat-games played (a persona at one seat in one game). */
  seatGames: number;
  realist: { mean: number | null; sd: number | null };
  liberal: { mean: number | null; sd: number | null };
  normalised: { mean: number | null; sd: number | null };
  /** Share of its games that ended in an agreement binding it. */
  agreementRate: number;
  /** Mean joint efficiency of the tables it sat at. */
  efficiency: number | null;
  /** Mean trust with the other states at the end. */
  trust: number | null;
  /** Mean table tension at the end. */
  tension: number | null;
}

/** Each persona's results over every seat it played in `games` (one scenario). */
export function summarisePersonas(scenarioId: string, games: readonly GameResult[]): PersonaSummary[] {
  const personas = [...new Set(games.flatMap((g) => g.seats.map((s) => s.persona)))];
  return personas.map((persona) => {
    const rows = games.flatMap((g) => g.seats.filter((s) => s.persona === persona).map((seat) => ({ g, seat })));
    const pick = (f: (r: (typeof rows)[number]) => number | null) => meanAndSpread(rows.map(f));
    const realist = pick((r) => r.seat.realist);
    const liberal = pick((r) => r.seat.liberal);
    const normalised = pick((r) => r.seat.normalised);
    return {
      scenarioId,
      persona,
      seatGames: rows.length,
      realist: { mean: realist.mean, sd: realist.sd },
      liberal: { mean: liberal.mean, sd: liberal.sd },
      normalised: { mean: normalised.mean, sd: normalised.sd },
      agreementRate: rows.length === 0 ? 0 : rows.filter((r) => r.seat.inAgreement).length / rows.length,
      efficiency: pick((r) => r.g.efficiency).mean,
      trust: pick((r) => r.seat.trust).mean,
      tension: pick((r) => r.g.tension).mean,
    };
  });
}
