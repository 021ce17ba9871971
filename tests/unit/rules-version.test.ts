import { moveRules, RULES_VERSION, type SystemMove } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { foldRecorded, readRecorded } from "../fixtures/rules/recorded.ts";

/**
 * Stored games must fold as they were played, or the replay must say it does not: every
 * stored event records the rules version it was accepted under (shared/src/rules/version.ts).
 * These games were recorded under RULES_VERSION; a change to the rules that folds any of
 * them differently must raise it.
 */
const raise = `raise RULES_VERSION (now ${RULES_VERSION}) in shared/src/rules/version.ts and record the games again with 'npm run rules:record'; replays of games stored before will then say they fold under newer rules`;

const files = readRecorded();

describe("the rules version", () => {
  it("has recorded games of every shipped scenario, among them every kind of move and system move", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    const kinds = new Set(
      files.flatMap(({ recorded }) => recorded.games.flatMap((g) => g.events.map((e) => e.move.kind))),
    );
    const systemKinds = {
      advanceRound: true,
      injectEvent: true,
      broadcast: true,
      endGame: true,
      setController: true,
    } satisfies Record<SystemMove["kind"], true>;
    const everyKind = [...Object.keys(moveRules), ...Object.keys(systemKinds)].sort();
    expect([...kinds].sort()).toEqual(everyKind);
  });

  for (const { file, recorded, scenario } of files) {
    describe(file, () => {
      it("was recorded under the current rules version", () => {
        expect(recorded.rulesVersion, `recorded under version ${recorded.rulesVersion}: ${raise}`).toBe(RULES_VERSION);
      });

      recorded.games.forEach((game, i) => {
        it(`folds game ${i + 1} (${game.name}, seed ${game.seed}) as it was recorded`, () => {
          const now = foldRecorded(scenario, game);
          const first = now.digests.findIndex((digest, step) => digest !== game.digests[step]);
          const event = game.events[first];
          expect(first, `event ${first} (${event?.by} ${event?.move.kind}) now folds differently: ${raise}`).toBe(-1);
          expect(now.scores, `the final scores changed: ${raise}`).toEqual(game.scores);
          const refused = now.refused && game.events[now.refused.index];
          expect(
            now.refused,
            `event ${now.refused?.index} (${refused?.by} ${refused?.move.kind}) is now refused (${now.refused?.message}): ${raise}`,
          ).toBeUndefined();
        });
      });
    });
  }
});
