import { availableMoves, type GameState, isDealParty, type Move, type SeatId, validate } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { octet, pair, shippedScenarios, summit } from "./fixtures.ts";
import { playRandomGame, randomMove, seededChooser } from "./randomPlay.ts";

/**
 * A move the list offers (available) can be made: for some arguments the rules accept it.
 * Otherwise a student who opens it is sure to be refused whatever they choose; the list
 * must grey it out with the reason instead. Checked at every step of random games, for
 * every seat still at the table and every move offered to it, by trying random arguments.
 */
const games = Number(process.env.PARLEY_PROPERTY_RUNS ?? 6);
const scenarios = [pair, summit, octet, ...shippedScenarios()];
const tries = 80;

/** Random arguments rarely name every member of a council at once: try that too. */
function candidates(probe: ReturnType<typeof seededChooser>, state: GameState, seat: SeatId, kind: Move["kind"]) {
  const move = randomMove(probe, state, seat, kind);
  if ((move.kind === "propose" || move.kind === "mediatorProposal") && probe.int(2) === 0) {
    const members = state.seats.filter((s) => s !== seat && !state.walkedAway.includes(s) && isDealParty(state, s));
    return { ...move, to: members };
  }
  return move;
}

describe.each(scenarios.map((s) => [s.id, s] as const))("moves offered in %s", (_id, scenario) => {
  it("can be made with some arguments", () => {
    const never: string[] = [];
    let offered = 0;
    for (let seed = 1; seed <= games; seed++) {
      const probe = seededChooser(seed * 7919);
      playRandomGame(scenario, seed, seededChooser(seed), {
        maxEvents: 120,
        onStep: ({ after, event }) => {
          if (after.phase !== "playing") return;
          for (const seat of after.seats.filter((s) => !after.walkedAway.includes(s))) {
            for (const m of availableMoves(after, seat).filter((x) => x.available)) {
              offered++;
              let last = "";
              let made = false;
              for (let i = 0; i < tries && !made; i++) {
                const result = validate(after, seat, candidates(probe, after, seat, m.kind));
                if (result.ok) made = true;
                else last = `${result.rejection.code}: ${result.rejection.message}`;
              }
              if (!made) never.push(`after event ${event.seq}, ${seat} was offered ${m.kind}; refused: ${last}`);
            }
          }
        },
      });
    }
    expect(offered).toBeGreaterThan(100);
    expect(never).toEqual([]);
  }, 120_000);
});
