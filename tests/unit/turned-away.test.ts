import { describe, expect, it } from "vitest";
import { turnedAwayNotice } from "../../client/src/teach/turnedAway.ts";

describe("the dashboard's students turned away", () => {
  it("asks for a table while the server counts no free seat", () => {
    expect(turnedAwayNotice(["Cy"], 0)).toBe(
      "Every seat is taken: Cy could not join. Add a table, then ask them to join again.",
    );
    expect(turnedAwayNotice(["Cy", "Dee"], 0)).toBe(
      "Every seat is taken: Cy and Dee could not join. Add a table, then ask each of them to join again.",
    );
  });

  it("says to ask them to join again once the server counts free seats (a table added)", () => {
    expect(turnedAwayNotice(["Cy"], 2)).toBe(
      "Cy found every seat taken and has not joined since: seats are free now, so ask them to join again.",
    );
    expect(turnedAwayNotice(["Cy", "Dee"], 1)).toBe(
      "Cy and Dee found every seat taken and have not joined since: seats are free now, so ask each of them to join again.",
    );
  });
});
