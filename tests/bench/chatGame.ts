import { apply, type GameEvent, type GameState, type Scenario, simulateGame } from "@parley/shared";

/** A game's start and its events, for the benches that replay them as a table would. */
export interface Game {
  initial: GameState;
  events: GameEvent[];
}

/** `lines` chat lines, the seats taking turns (each always legal): what the load bench plays. */
export function chatGame(scenario: Scenario, lines: number): Game {
  const initial = simulateGame({ scenario, seed: 1, bots: {} }).initial;
  const events: GameEvent[] = [];
  let state = initial;
  for (let i = 0; i < lines; i++) {
    const by = state.seats[i % state.seats.length] ?? "";
    const event = { seq: state.seq, by, move: { kind: "chat", text: `line ${i}` } } as GameEvent;
    events.push(event);
    state = apply(state, event);
  }
  return { initial, events };
}
