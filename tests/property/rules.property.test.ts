import { type GameState, replay, sameButLog, viewFor } from "@parley/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { octet, pair, shippedScenarios, summit } from "./fixtures.ts";
import { checkScoreInvariants, checkStateInvariants, checkViewInvariants } from "./invariants.ts";
import { listChooser, playRandomGame } from "./randomPlay.ts";

/** Games per scenario and property; PARLEY_PROPERTY_RUNS raises it for a long run. */
const runs = Number(process.env.PARLEY_PROPERTY_RUNS ?? 100);
/** A long run (many games) needs more than the default test timeout. */
const timeout = Math.max(60_000, runs * 300);
const scenarios = [pair, summit, octet, ...shippedScenarios()];

const game = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  choices: fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 300 }),
});

describe.each(scenarios.map((s) => [s.id, s] as const))("random legal games of %s", (_id, scenario) => {
  it(
    "keep every invariant after every event, and score consistently at the end",
    () => {
      fc.assert(
        fc.property(game, ({ seed, choices }) => {
          const played = playRandomGame(scenario, seed, listChooser(choices, seed), {
            onStep: ({ before, after }) => {
              checkStateInvariants(after);
              expect(after.seq).toBe(before.seq + 1);
            },
            onUnavailable: (_state, seat, move, accepted) => {
              expect(accepted, `${seat} made ${move.kind}, which availableMoves said was unavailable`).toBe(false);
            },
          });
          checkScoreInvariants(played.final);
          for (const seat of played.final.seats) checkViewInvariants(played.final, seat);
        }),
        { numRuns: runs },
      );
    },
    timeout,
  );

  it(
    "replay equals live: folding the stored event log reproduces the state exactly",
    () => {
      fc.assert(
        fc.property(game, ({ seed, choices }) => {
          const played = playRandomGame(scenario, seed, listChooser(choices, seed));
          // The log as a store keeps it: plain JSON.
          const stored = JSON.parse(JSON.stringify(played.events));
          expect(replay(played.initial, stored)).toEqual(played.final);
        }),
        { numRuns: runs },
      );
    },
    timeout,
  );

  it(
    "validation never changes the state it looks at",
    () => {
      fc.assert(
        fc.property(game, ({ seed, choices }) => {
          playRandomGame(scenario, seed, listChooser(choices, seed), {
            maxEvents: 60,
            onStep: ({ before }) => {
              const frozen = JSON.stringify(before);
              for (const seat of before.seats) viewFor(before, seat);
              expect(JSON.stringify(before)).toBe(frozen);
            },
          });
        }),
        { numRuns: Math.max(10, Math.floor(runs / 10)) },
      );
    },
    timeout,
  );

  it(
    "an event never changes an earlier state, though each state shares what its event left as it was",
    () => {
      fc.assert(
        fc.property(game, ({ seed, choices }) => {
          const states: [GameState, string][] = [];
          playRandomGame(scenario, seed, listChooser(choices, seed), {
            maxEvents: 80,
            onStep: ({ before, after }) => {
              if (states.length === 0) states.push([before, JSON.stringify(before)]);
              states.push([after, JSON.stringify(after)]);
              // Every part the event left as it was is the same object (a chat line, unless it
              // sets off a crisis, changes the log alone: sameButLog).
              const parts = (state: GameState) => ({ ...state, ...state.families }) as Record<string, unknown>;
              const [was, is] = [parts(before), parts(after)];
              let changed = 0;
              for (const key of Object.keys(is)) {
                if (JSON.stringify(is[key]) !== JSON.stringify(was[key]))
                  changed += ["seq", "log", "valueChanges"].includes(key) ? 0 : 1;
                else expect(is[key], key).toBe(was[key]);
              }
              expect(sameButLog(before, after)).toBe(changed === 0);
            },
          });
          for (const [state, json] of states) expect(JSON.stringify(state)).toBe(json);
        }),
        { numRuns: Math.max(10, Math.floor(runs / 5)) },
      );
    },
    timeout,
  );
});
