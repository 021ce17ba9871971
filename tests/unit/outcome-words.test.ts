import { type Outcome, outcomeWords } from "@parley/shared";
import { describe, expect, it } from "vitest";

describe("a table's outcome in words", () => {
  it("says the same thing for every kind of end, and for a table still playing", () => {
    const agreed: Outcome = {
      kind: "agreement",
      proposalId: "p2",
      round: 3,
      parties: ["a", "b"],
      package: { options: {} },
    };
    expect(outcomeWords({ phase: "ended", round: 3, outcome: agreed })).toBe("agreement in round 3");
    expect(
      outcomeWords({ phase: "ended", round: 2, outcome: { kind: "noAgreement", reason: "walkout", round: 2 } }),
    ).toBe("no agreement: a party walked away, leaving too few to agree");
    expect(
      outcomeWords({ phase: "ended", round: 8, outcome: { kind: "noAgreement", reason: "roundLimit", round: 8 } }),
    ).toBe("no agreement: the rounds ran out");
    expect(
      outcomeWords({ phase: "ended", round: 4, outcome: { kind: "noAgreement", reason: "ended", round: 4 } }),
    ).toBe("no agreement: the instructor ended it");
    expect(outcomeWords({ phase: "playing", round: 4, outcome: null })).toBe("in progress (round 4)");
  });
});
