import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Factor, forEachOutcome, type OutcomeSpace, packageFrom, spaceSize } from "./outcomeSpace.ts";
import { nonDominated, paretoFrontier } from "./pareto.ts";

/** The reference: list every outcome, keep the distinct ones no other dominates (all pairs). */
function naiveFrontier(space: OutcomeSpace): string[] {
  const all: number[][] = [];
  forEachOutcome(space, (points) => all.push(Array.from(points)));
  const distinct = [...new Map(all.map((p) => [p.join(","), p])).values()];
  const dominates = (x: number[], y: number[]) =>
    x.every((v, j) => v >= (y[j] ?? 0)) && x.some((v, j) => v > (y[j] ?? 0));
  return distinct
    .filter((p) => !distinct.some((q) => dominates(q, p)))
    .map((p) => p.join(","))
    .sort();
}

function frontierKeys(space: OutcomeSpace): string[] {
  const f = paretoFrontier(space);
  const d = space.parties.length;
  return Array.from({ length: f.size }, (_, i) => Array.from(f.points.subarray(i * d, i * d + d)).join(",")).sort();
}

/** Small random spaces with small integer payoffs, so ties and duplicates are common. */
const spaces = (parties: number) =>
  fc
    .array(
      fc.array(fc.array(fc.integer({ min: -3, max: 6 }), { minLength: parties, maxLength: parties }), {
        minLength: 1,
        maxLength: 5,
      }),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map(
      (factors): OutcomeSpace => ({
        parties: Array.from({ length: parties }, (_, j) => `p${j}`),
        factors: factors.map(
          (choices, i): Factor => ({
            kind: "issue",
            id: `i${i}`,
            choices: choices.map((points, c) => ({ id: `o${c}`, points })),
          }),
        ),
      }),
    );

describe("paretoFrontier", () => {
  for (const parties of [2, 3, 4]) {
    it(`equals the naive all-pairs frontier on small random spaces (${parties} parties)`, () => {
      fc.assert(
        fc.property(spaces(parties), (space) => {
          expect(frontierKeys(space)).toEqual(naiveFrontier(space));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("each frontier point is reached by the package it names", () => {
    fc.assert(
      fc.property(spaces(3), (space) => {
        const f = paretoFrontier(space);
        for (let i = 0; i < f.size; i++) {
          const choices = f.choicesAt(i);
          const sum = space.parties.map((_, j) =>
            space.factors.reduce((s, factor, k) => s + (factor.choices[choices[k] ?? 0]?.points[j] ?? 0), 0),
          );
          expect(sum).toEqual(Array.from(f.points.subarray(i * 3, i * 3 + 3)));
          expect(Object.keys(packageFrom(space, choices).options)).toHaveLength(space.factors.length);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("a two-issue logroll: the frontier keeps the three undominated packages", () => {
    // Water (a, b): low (0, 30), high (60, 0). Fish: few (40, 0), many (0, 70).
    // Packages: (40, 30), (0, 100), (100, 0), (60, 70); (40, 30) is dominated by (60, 70).
    const space: OutcomeSpace = {
      parties: ["a", "b"],
      factors: [
        {
          kind: "issue",
          id: "water",
          choices: [
            { id: "low", points: [0, 30] },
            { id: "high", points: [60, 0] },
          ],
        },
        {
          kind: "issue",
          id: "fish",
          choices: [
            { id: "few", points: [40, 0] },
            { id: "many", points: [0, 70] },
          ],
        },
      ],
    };
    expect(spaceSize(space)).toBe(4);
    expect(frontierKeys(space)).toEqual(["0,100", "100,0", "60,70"]);
  });
});

describe("nonDominated", () => {
  it("keeps one of equal points and drops weakly dominated ones", () => {
    // (1,1,1) twice, (1,1,0) weakly dominated, (0,2,0) undominated.
    const points = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 2, 0]);
    expect(Array.from(nonDominated(points, 4, 3)).sort()).toEqual([0, 3]);
  });
});
