import { describe, expect, it } from "vitest";
import { kindBesideName, seatListName } from "../../client/src/ui/names.ts";

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

describe("a party in the teach form's list of seats", () => {
  it("is a state's name alone, a third party's with its kind unless its name ends with its role", () => {
    expect(seatListName({ name: "Egypt", kind: "state" })).toBe("Egypt");
    expect(seatListName({ name: "India", kind: "mediator" })).toBe("India (mediator)");
    expect(seatListName({ name: "India (mediator)", kind: "mediator" })).toBe("India (mediator)");
    expect(seatListName({ name: "Oman (host)", kind: "mediator" })).toBe("Oman (host)");
  });
});
