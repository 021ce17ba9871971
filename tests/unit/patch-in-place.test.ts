import {
  apply,
  applyViewPatch,
  newViewCache,
  simulateGame,
  type TableView,
  type Viewer,
  type ViewPatch,
  viewsFor,
} from "@parley/shared";
import { unpackMultiple } from "msgpackr";
import { describe, expect, it } from "vitest";
import { type SentView, sendableViews, sentView } from "../../server/src/rooms/viewFrames.ts";
import { patchInPlace } from "../bench/load/patchInPlace.ts";
import { shippedScenarios } from "../property/fixtures.ts";

/** The load generator's clients change their views in place: they must end with the web client's views. */
describe("a patch applied in place", () => {
  it.each(shippedScenarios().map((s) => [s.id, s] as const))(
    "gives the view applyViewPatch gives, %s",
    (_id, scenario) => {
      const game = simulateGame({ scenario, seed: 7 });
      const viewers: Viewer[] = [...game.seats, "observer"];
      const cache = newViewCache();
      let state = game.initial;
      const sent: SentView[] = [];
      const web: (TableView | undefined)[] = [];
      const inPlace: (TableView | undefined)[] = [];
      for (const event of [undefined, ...game.events]) {
        if (event) state = apply(state, event);
        const views = viewsFor(state, viewers, {}, cache);
        sendableViews(views, sent).forEach((frame, i) => {
          if (!frame) return;
          const [type, message] = unpackMultiple(frame.subarray(1)) as [string, unknown];
          // Each client decodes its own copy of a frame.
          const copy = () => structuredClone(message);
          if (type === "view") {
            web[i] = copy() as TableView;
            inPlace[i] = copy() as TableView;
          } else {
            web[i] = applyViewPatch(web[i], copy() as ViewPatch);
            inPlace[i] = patchInPlace(inPlace[i], copy() as ViewPatch);
          }
          expect(inPlace[i]).toEqual(web[i]);
          expect(inPlace[i]).toEqual(views[i]);
        });
        views.forEach((view, i) => {
          sent[i] = sentView(view, sent[i]);
        });
      }
      expect(game.events.length).toBeGreaterThan(10);
    },
  );

  it("refuses a patch for another view, or one that leaves a place empty", () => {
    const view = { seq: 3, log: ["a", "b"] } as unknown as TableView;
    expect(patchInPlace(view, { $base: 2, seq: 4 } as ViewPatch)).toBeUndefined();
    const gap = { $base: 3, seq: 4, $items: { log: { length: 4, at: [3], items: ["d"] } } } as unknown as ViewPatch;
    expect(patchInPlace(view, gap)).toBeUndefined();
    expect(view).toEqual({ seq: 3, log: ["a", "b"] });
    const next = { $base: 3, seq: 4, $items: { log: { length: 3, at: [2], items: ["c"] } } } as unknown as ViewPatch;
    expect(patchInPlace(view, next)).toEqual({ seq: 4, log: ["a", "b", "c"] });
  });

  it("drops the fields gone and the items past a list's new end, as applyViewPatch does", () => {
    const view = () => ({ seq: 5, log: ["a", "b", "c"], outcome: { kind: "x" }, round: 2 }) as unknown as TableView;
    const patch = () =>
      ({
        $base: 5,
        seq: 6,
        round: 3,
        $unset: ["outcome"],
        $items: { log: { length: 2, at: [1], items: ["B"] } },
      }) as unknown as ViewPatch;
    const expected = { seq: 6, log: ["a", "B"], round: 3 };
    expect(applyViewPatch(view(), patch())).toEqual(expected);
    expect(patchInPlace(view(), patch())).toEqual(expected);
  });
});
