import { describe, expect, it } from "vitest";
import { charactersLeftText } from "../../client/src/ui/charactersLeft.ts";

describe("a field's characters left", () => {
  it("says nothing while the text is far from the limit", () => {
    expect(charactersLeftText(0, 60)).toBe("");
    expect(charactersLeftText(47, 60)).toBe("");
    expect(charactersLeftText(399, 500)).toBe("");
  });

  it("counts down near the limit (the last fifth, or ten characters of a short one)", () => {
    expect(charactersLeftText(48, 60)).toBe("12 characters left.");
    expect(charactersLeftText(59, 60)).toBe("1 character left.");
    expect(charactersLeftText(400, 500)).toBe("100 characters left.");
    expect(charactersLeftText(10, 20)).toBe("10 characters left.");
  });

  it("says where it stopped at the limit, where the browser cuts a paste without a word", () => {
    expect(charactersLeftText(60, 60)).toBe("That is the limit: 60 characters.");
  });
});
