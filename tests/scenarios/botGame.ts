import {
  apply,
  decideBotMove,
  type GameState,
  initialState,
  type Scenario,
  type SeatId,
  validate,
  viewFor,
} from "@parley/shared";

/**
 * Plays a table where every seat is a bot, round after round, until the game ends. A seat
 * whose bot has no move, or a move the rules refuse (a mediator's proposal the simple
 * persona does not know how to make), passes instead. Returns the final state.
 */
export function playBotGame(scenario: Scenario, seed: number, persona = "simple"): GameState {
  const seats: SeatId[] = scenario.parties.map((p) => p.id);
  const controllers = Object.fromEntries(seats.map((s) => [s, { type: "bot" as const, persona }]));
  let state = initialState(scenario, seed, { seats, controllers });
  // Each pass over the seats ends at least one seat's turn, so this bound is generous.
  const maxPasses = (scenario.rules.roundLimit + 1) * seats.length * 4;
  for (let pass = 0; pass < maxPasses && state.phase === "playing"; pass++) {
    for (const seat of seats) {
      if (state.phase !== "playing" || state.walkedAway.includes(seat)) continue;
      const decision = decideBotMove(viewFor(state, seat), persona);
      let result = decision ? validate(state, seat, decision.move) : undefined;
      if (!result?.ok) {
        if (state.acted.includes(seat)) continue;
        result = validate(state, seat, { kind: "pass" });
      }
      if (result.ok) state = apply(state, result.event);
    }
  }
  return state;
}
