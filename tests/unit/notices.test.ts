import { describe, expect, it } from "vitest";
import { atGameEnd, type Notice, noticesFor, withNotice } from "../../client/src/state/notices.ts";

const begun: Notice = { id: 1, tone: "info", text: "The negotiation has begun: round 1 of 6.", round: 1, at: 0 };
const refused: Notice = { id: 2, tone: "error", text: "Wait for your turn.", round: 1, at: 0 };
const broadcast: Notice = { id: 3, tone: "info", text: "Five minutes left", round: 1, at: 9_000 };

describe("notices when a new round begins", () => {
  it("drops the news of an earlier round, and keeps refusals (they go by themselves)", () => {
    expect(noticesFor([begun, refused], 1, 2, 20_000)).toEqual([refused]);
  });

  it("keeps news that came in the last five seconds", () => {
    expect(noticesFor([begun, broadcast], 1, 2, 12_000)).toEqual([broadcast]);
  });

  it("changes nothing while the round stays, or on the first view", () => {
    const notices = [begun, broadcast];
    expect(noticesFor(notices, 1, 1, 60_000)).toBe(notices);
    expect(noticesFor(notices, undefined, 3, 60_000)).toBe(notices);
  });
});

describe("a notice coming in", () => {
  it("replaces an earlier copy of the same message (a refused move sent twice) instead of stacking it", () => {
    const again: Notice = { ...refused, id: 9, at: 4_000 };
    expect(withNotice([refused, broadcast], again)).toEqual([broadcast, again]);
    // The same words as news and as a refusal are two notices.
    const asNews: Notice = { ...refused, id: 10, tone: "info" };
    expect(withNotice([refused], asNews)).toEqual([refused, asNews]);
  });

  it("keeps the newest four", () => {
    const many = [1, 2, 3, 4].map((id) => ({ ...broadcast, id, text: `News ${id}` }));
    const fifth: Notice = { ...broadcast, id: 5, text: "News 5" };
    expect(withNotice(many, fifth).map((n) => n.id)).toEqual([2, 3, 4, 5]);
  });
});

describe("what the student's own moves changed", () => {
  const effects = (id: number, text: string): Notice => ({
    id,
    tone: "info",
    text,
    round: 2,
    at: id,
    kind: "moveEffects",
  });

  it("is one notice, the latest move's, where one after each rejection had stacked up", () => {
    const first = effects(1, "What your rejection changed: tension +1 (now 60)");
    const second = effects(2, "What your rejection changed: tension +1 (now 61)");
    expect(withNotice([first, broadcast], second)).toEqual([broadcast, second]);
    // Other notices still stack beside it.
    expect(withNotice([second], broadcast)).toEqual([second, broadcast]);
  });

  it("goes once the game has ended, the other notices staying", () => {
    const last = effects(4, "What your walking away changed: tension +3 (now 70)");
    expect(atGameEnd([broadcast, last, refused])).toEqual([broadcast, refused]);
    const none = [broadcast, refused];
    expect(atGameEnd(none)).toBe(none);
  });
});
