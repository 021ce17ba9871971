import { type TableView, theForum } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { keepingRulings, ruledOptions } from "../../client/src/table/rulings.ts";

type Claims = TableView["claims"];
const claim = (over: Partial<Claims[number]>): Claims[number] => ({
  id: "c1",
  issueId: "kishenganga",
  forumId: "court",
  claimant: "pakistan",
  respondents: ["india"],
  filedRound: 1,
  status: "pending",
  batnaShift: {},
  responses: {},
  compliance: {},
  ...over,
});
const view = (claims: Claims) =>
  ({
    claims,
    scenario: { forums: [{ id: "court", name: "Court of arbitration" }] },
  }) as unknown as Pick<TableView, "claims" | "scenario">;
const built = { kishenganga: "strict-limits", ratle: "redesign" };

describe("a package keeps the binding rulings in force", () => {
  it("a binding ruling fixes its issue's option, with the forum named", () => {
    const ruled = view([
      claim({ status: "ruled", ruling: { optionId: "as-built", favours: "india", round: 4, binding: true } }),
    ]);
    expect(ruledOptions(ruled)).toEqual({ kishenganga: { optionId: "as-built", forum: "the Court of arbitration" } });
    expect(keepingRulings(ruled, built)).toEqual({ kishenganga: "as-built", ratle: "redesign" });
  });

  it("a pending case, a declined one and a ruling that does not bind fix nothing", () => {
    const open = view([
      claim({ status: "pending" }),
      claim({ id: "c2", status: "declined", issueId: "ratle" }),
      claim({
        id: "c3",
        status: "ruled",
        ruling: { optionId: "as-built", favours: "india", round: 4, binding: false },
      }),
    ]);
    expect(ruledOptions(open)).toEqual({});
    expect(keepingRulings(open, built)).toEqual(built);
  });
});

describe("a forum's name within a sentence", () => {
  it("takes 'the' (the log had read 'before Neutral expert'), and a name that has one keeps it, in lower case", () => {
    expect(theForum("Neutral expert")).toBe("the Neutral expert");
    expect(theForum("WTO dispute settlement")).toBe("the WTO dispute settlement");
    expect(theForum("The International Court of Justice")).toBe("the International Court of Justice");
    expect(theForum("Theatre court")).toBe("the Theatre court");
  });
});
