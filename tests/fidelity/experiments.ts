import {
  type Assignment,
  type BotSeat,
  type GameResult,
  type GameState,
  gameResult,
  gameSeed,
  playMatch,
  type Scenario,
  type SeatId,
  simulateGame,
  stateSeats,
} from "@parley/shared";

/** The state personas the tournaments pit against each other (the mediator persona is for mediator seats). */
export const statePersonas = ["hardliner", "conceder", "titForTat", "integrator", "legalist", "trackTwo"] as const;

/** One arm of an experiment: who plays which seat (and which seats are at the table). */
export interface Arm {
  label: string;
  /** Persona per state seat, for the tournament's bookkeeping. */
  assignment: Assignment;
  /** Seat settings beyond the assignment: third parties, changed parameters. */
  bots?: Record<SeatId, string | BotSeat>;
  seats?: SeatId[];
}

/**
 * The seeds of an experiment: the same list for every arm of a scenario (common random
 * numbers), derived from the experiment's seed.
 */
export function seedsFor(seed: number, scenarioId: string, games: number): number[] {
  return Array.from({ length: games }, (_, i) => gameSeed(seed, scenarioId, {}, i));
}

export function runArm(scenario: Scenario, arm: Arm, seeds: readonly number[]): GameResult[] {
  return seeds.map((seed) =>
    playMatch({ scenario, assignment: arm.assignment, seed, bots: arm.bots, seats: arm.seats }),
  );
}

/** The first state: the seat whose persona varies in the round robin. */
export function focalSeat(scenario: Scenario): SeatId {
  return stateSeats(scenario)[0] as SeatId;
}

/** The table where the focal state plays `focal` and every other state plays `others`. */
export function focalArm(scenario: Scenario, focal: string, others: string): Arm {
  const seat = focalSeat(scenario);
  return {
    label: `${focal} vs ${others}`,
    assignment: Object.fromEntries(stateSeats(scenario).map((s) => [s, s === seat ? focal : others])),
  };
}

/** A round robin: every persona at the focal seat against every persona at the others. */
export interface RoundRobin {
  scenario: Scenario;
  games: number;
  /** Results by `focal|others`. */
  cells: Map<string, GameResult[]>;
}

export function cellKey(focal: string, others: string): string {
  return `${focal}|${others}`;
}

export function roundRobin(scenario: Scenario, games: number, seed: number): RoundRobin {
  const seeds = seedsFor(seed, scenario.id, games);
  const cells = new Map<string, GameResult[]>();
  for (const focal of statePersonas) {
    for (const others of statePersonas) {
      cells.set(cellKey(focal, others), runArm(scenario, focalArm(scenario, focal, others), seeds));
    }
  }
  return { scenario, games, cells };
}

export function cell(robin: RoundRobin, focal: string, others: string): GameResult[] {
  const found = robin.cells.get(cellKey(focal, others));
  if (!found) throw new Error(`No round-robin cell ${focal} vs ${others}`);
  return found;
}

// ---- Per-game measures -------------------------------------------------------------------

export function focalResult(scenario: Scenario, game: GameResult) {
  const seat = focalSeat(scenario);
  const found = game.seats.find((s) => s.seat === seat);
  if (!found) throw new Error(`No result for ${seat}`);
  return found;
}

/** The focal state's score minus the mean score of the other states (the realist lens' relative gains). */
export function focalShare(scenario: Scenario, game: GameResult): number {
  const focal = focalResult(scenario, game);
  const others = game.seats.filter((s) => s.seat !== focal.seat);
  const mean = others.reduce((sum, s) => sum + (s.normalised ?? 0), 0) / Math.max(1, others.length);
  return (focal.normalised ?? 0) - mean;
}

export const agreed = (games: readonly GameResult[]) => games.filter((g) => g.agreement).length;

// ---- Dedicated experiments: arms that keep each final state ----------------------------------

export interface Played {
  result: GameResult;
  state: GameState;
}

/** Plays an arm and keeps each game's final state (for measures the tournament does not keep). */
export function play(scenario: Scenario, arm: Arm, seeds: readonly number[]): Played[] {
  return seeds.map((seed) => {
    const bots: Record<SeatId, string | BotSeat> = { ...arm.assignment, ...arm.bots };
    const game = simulateGame({ scenario, seed, bots, seats: arm.seats });
    const result = gameResult(scenario.id, seed, arm.assignment, game.state, {
      illegal: game.illegal.length,
      events: game.events.length,
    });
    return { result, state: game.state };
  });
}

export const uniform = (scenario: Scenario, persona: string | BotSeat) =>
  Object.fromEntries(stateSeats(scenario).map((s) => [s, persona]));

const personaOf = (seat: string | BotSeat) => (typeof seat === "string" ? seat : seat.persona);

export function armOf(
  scenario: Scenario,
  label: string,
  bots: Record<SeatId, string | BotSeat>,
  seats?: SeatId[],
): Arm {
  return {
    label,
    assignment: Object.fromEntries(stateSeats(scenario).map((s) => [s, personaOf(bots[s] ?? "")])),
    bots,
    seats,
  };
}
