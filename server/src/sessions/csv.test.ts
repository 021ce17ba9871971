import { describe, expect, it } from "vitest";
import { toCsv } from "./csv.ts";

describe("CSV export", () => {
  it("quotes commas, quotes and line breaks, and keeps numbers and empty cells plain", () => {
    expect(
      toCsv(
        ["name", "points", "note"],
        [
          ["Lin, Wei", 71.5, 'said "no"\nthen yes'],
          ["Bo", null, undefined],
        ],
      ),
    ).toBe('name,points,note\r\n"Lin, Wei",71.5,"said ""no""\nthen yes"\r\nBo,,\r\n');
  });

  it("never lets a spreadsheet run a name as a formula", () => {
    expect(toCsv(["name"], [["=HYPERLINK(1)"], ["+1"], ["@cmd"], ["-2"]])).toBe(
      "name\r\n'=HYPERLINK(1)\r\n'+1\r\n'@cmd\r\n'-2\r\n",
    );
    // Split on a semicolon or a tab (other locales' separators), a quoted cell stays whole.
    expect(
      toCsv(
        ["name", "points"],
        [
          ["Eve;=1+1", 3],
          ["Tab\t=2+2", 4],
        ],
      ),
    ).toBe('name,points\r\n"Eve;=1+1",3\r\n"Tab\t=2+2",4\r\n');
    // Negative numbers are numbers, not text: they stay as they are.
    expect(toCsv(["surplus"], [[-4]])).toBe("surplus\r\n-4\r\n");
  });
});
