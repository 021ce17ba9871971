import { checkScenario, encodingProblem, formatProblem } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { edit, fixtureFile, lineOf, validFixture } from "./fixture.ts";

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));

/** The fixture with "Upstream state." written "Upstréam state." in Latin-1 (é is the one byte 0xE9). */
function latin1Fixture(): { bytes: Uint8Array; line: number } {
  const text = edit(validFixture, ["    publicBrief: Upstream state.", "    publicBrief: Upstr\u00e9am state."]);
  return { bytes: new Uint8Array(Buffer.from(text, "latin1")), line: lineOf(text, "Upstr\u00e9am") };
}

describe("a scenario file's encoding", () => {
  it("finds nothing wrong with UTF-8, accents, dashes, emoji and a byte-order mark included", () => {
    const text = edit(validFixture, ["    publicBrief: Upstream state.", "    publicBrief: Upstréam — “state” 🌊."]);
    expect(encodingProblem(utf8(text), fixtureFile)).toBeUndefined();
    expect(encodingProblem(utf8(`\ufeff${text}`), fixtureFile)).toBeUndefined();
    expect(checkScenario(text, fixtureFile).ok).toBe(true);
  });

  it("reports a Latin-1 byte on its line, with the text around it and what to do", () => {
    const { bytes, line } = latin1Fixture();
    const problem = encodingProblem(bytes, fixtureFile);
    expect(problem?.severity).toBe("error");
    expect(problem && formatProblem(problem)).toBe(
      `${fixtureFile}:${line}: byte 0xE9 is not UTF-8 text (in 'publicBrief: Upstr�am state.'): the file was saved in another encoding, such as Latin-1 or Windows-1252, and players would read '�' in place of its accented letters, quotes and dashes; save it again with the encoding UTF-8 (in most editors, 'Save with encoding' or 'Reopen with encoding')`,
    );
    // Read as UTF-8 regardless, the same file passed every check: students would have read "Upstr�am".
    expect(checkScenario(Buffer.from(bytes).toString("utf8"), fixtureFile).ok).toBe(true);
  });

  it("reports malformed sequences: a lone continuation byte, a cut-off sequence, an overlong form, a surrogate", () => {
    for (const bad of [[0x80], [0xe2, 0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const bytes = new Uint8Array([...utf8("id: x\ntitle: a"), ...bad, ...utf8("b\n")]);
      expect(encodingProblem(bytes, fixtureFile)?.line, `bytes ${bad.join(" ")}`).toBe(2);
    }
  });

  it("reports a UTF-16 file (Windows' 'Unicode') as such", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("id: x\n", "utf16le")]);
    expect(encodingProblem(bytes, fixtureFile)?.message).toMatch(
      /^the file is saved as UTF-16 \('Unicode'\), not UTF-8: save it again with the encoding UTF-8/,
    );
  });
});
