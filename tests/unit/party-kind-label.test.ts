import { describe, expect, it } from "vitest";
import { kindBesideName } from "../../client/src/ui/names.ts";

describe("the kind shown beside a party's name", () => {
  it("is left out when the name says it already in brackets", () => {
    expect(kindBesideName({ name: "India (mediator)", kind: "mediator" })).toBeUndefined();
    expect(kindBesideName({ name: "United States (mediator)", kind: "mediator" })).toBeUndefined();
    expect(kindBesideName({ name: "World Bank (facilitator)", kind: "mediator" })).toBeUndefined();
  });

  it("is shown otherwise, even when the name contains the word ('United States' is a state)", () => {
    expect(kindBesideName({ name: "United States", kind: "state" })).toBe("state");
    expect(kindBesideName({ name: "Egypt", kind: "state" })).toBe("state");
  });
});
