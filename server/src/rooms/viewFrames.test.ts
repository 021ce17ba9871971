import { getMessageBytes, Protocol } from "@colyseus/core";
import type { TableView } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { sendableViews, sentView } from "./viewFrames.ts";

/**
 * Patches are written straight into one buffer, numbers included, and must be exactly what
 * `client.send("viewPatch", patch)` would send (the random games of the property tests stay
 * under a few hundred events: long classes reach the wider number formats).
 */
describe("a patch's numbers (seq, list lengths and places)", () => {
  const line = (n: number) => ({ seq: n, text: `line ${n}` });
  it.each([0, 31, 32, 127, 128, 255, 256, 65_535, 65_536, 2 ** 32 - 2])(
    "are written as Colyseus writes them: %i",
    (n) => {
      const lines = Array.from({ length: n > 100_000 ? 3 : n + 1 }, (_, i) => line(i));
      const before = { seq: n, log: lines } as unknown as TableView;
      const after = { seq: n + 1, log: [...lines, line(lines.length)] } as unknown as TableView;
      const [frame] = sendableViews([after], [sentView(before)]);
      const expected = getMessageBytes.raw(Protocol.ROOM_DATA, "viewPatch", {
        seq: n + 1,
        $items: { log: { length: lines.length + 1, at: [lines.length], items: [line(lines.length)] } },
        $base: n,
      });
      expect(frame).toEqual(expected);
    },
  );

  it("a whole view is the frame of the view sent whole", () => {
    const view = { seq: 300, log: [line(0)], round: 2 } as unknown as TableView;
    const [frame] = sendableViews([view], [undefined]);
    expect(frame).toEqual(getMessageBytes.raw(Protocol.ROOM_DATA, "view", view));
  });
});
