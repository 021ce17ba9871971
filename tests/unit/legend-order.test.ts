import { describe, expect, it } from "vitest";
import { legendInOrder } from "../../client/src/charts/legendOrder.ts";

describe("a chart legend's order", () => {
  it("ranks items as the series are drawn, not by label, and unknown labels last", () => {
    const order = legendInOrder(["C · Competitive", "M · Mediation", "B · Basic moves"]);
    const items = [
      { value: "B · Basic moves" },
      { value: "Other" },
      { value: "C · Competitive" },
      { value: "M · Mediation" },
    ];
    const sorted = [...items].sort((p, q) => order(p) - order(q)).map((i) => i.value);
    expect(sorted).toEqual(["C · Competitive", "M · Mediation", "B · Basic moves", "Other"]);
  });
});
