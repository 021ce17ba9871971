import { describe, expect, it } from "vitest";
import { type Notice, noticesFor } from "../../client/src/state/notices.ts";

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
