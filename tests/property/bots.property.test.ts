import {
  apply,
  botDice,
  botPersonas,
  decideBotMove,
  type GameState,
  initialState,
  validate,
  validateSystem,
  viewFor,
} from "@parley/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { octet, pair, shippedScenarios, summit } from "./fixtures.ts";
import { listChooser, randomMove } from "./randomPlay.ts";

const runs = Math.max(20, Math.floor(Number(process.env.PARLEY_PROPERTY_RUNS ?? 100) / 3));
/** A long run (many games) needs more than the default test timeout. */
const timeout = Math.max(60_000, runs * 300);

describe.each([pair, summit, octet, ...shippedScenarios()].map((s) => [s.id, s] as const))(
  "the bots at %s",
  (_id, scenario) => {
    it(
      "never make an illegal move, whatever persona and whatever the other seats do",
      () => {
        fc.assert(
          fc.property(
            fc.integer({ min: 0, max: 2 ** 31 - 1 }),
            fc.array(fc.nat(), { maxLength: 200 }),
            (seed, choices) => {
              const c = listChooser(choices, seed);
              let state: GameState = initialState(scenario, seed);
              // Half the seats are bots, each with a persona drawn for this run (the default
              // included); the others make random legal moves.
              const bots = new Set(state.seats.filter((_, i) => i % 2 === 0));
              const personas = botPersonas.map((p) => p.id);
              const personaOf = (seat: string) =>
                personas[(state.seats.indexOf(seat) + c.int(personas.length)) % personas.length] ?? "simple";
              const assigned = new Map([...bots].map((seat) => [seat, personaOf(seat)]));
              for (let step = 0; step < 150 && state.phase === "playing"; step++) {
                const seat = state.seats[c.int(state.seats.length)] ?? "";
                if (bots.has(seat)) {
                  const persona = assigned.get(seat) ?? "simple";
                  const decision = decideBotMove(viewFor(state, seat, { withoutMoves: true }), persona, {
                    dice: botDice(seed, seat),
                  });
                  // The servers and simulations give bots a view without the list of moves
                  // offered (it is not built for them): they decide the same with it.
                  expect(decideBotMove(viewFor(state, seat), persona, { dice: botDice(seed, seat) })).toEqual(decision);
                  if (!decision) continue;
                  const result = validate(state, seat, decision.move);
                  if (!result.ok) {
                    throw new Error(`${seat} (${persona}): ${decision.move.kind}: ${result.rejection.message}`);
                  }
                  state = apply(state, result.event);
                } else if (c.int(8) === 0) {
                  const result = validateSystem(state, { kind: "advanceRound" });
                  if (result.ok) state = apply(state, result.event);
                } else {
                  const kinds = (viewFor(state, seat).moves ?? []).filter((m) => m.available).map((m) => m.kind);
                  const kind = kinds[c.int(kinds.length)];
                  if (!kind) continue;
                  const result = validate(state, seat, randomMove(c, state, seat, kind));
                  if (result.ok) state = apply(state, result.event);
                }
              }
            },
          ),
          { numRuns: runs },
        );
      },
      timeout,
    );
  },
);
