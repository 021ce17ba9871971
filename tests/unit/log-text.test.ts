import { entryText, type LogEntry } from "@parley/shared";
import { describe, expect, it } from "vitest";

const names: Record<string, string> = { eg: "Egypt", is: "Israel", us: "United States" };
const name = (seat: string) => names[seat] ?? seat;
const line = (entry: Partial<LogEntry>): LogEntry => ({
  seq: 3,
  round: 1,
  by: "eg",
  kind: "chat",
  approach: "universal",
  text: "We can talk about Sinai.",
  visibleTo: "all",
  ...entry,
});

describe("a log line as read", () => {
  it("names a chat line's speaker, and whom a private one went to", () => {
    expect(entryText(line({}), name)).toBe("Egypt: “We can talk about Sinai.”");
    expect(entryText(line({ visibleTo: ["eg", "us"] }), name)).toBe(
      "Egypt (to United States only): “We can talk about Sinai.”",
    );
    expect(entryText(line({ visibleTo: ["eg", "us", "is"] }), name)).toBe(
      "Egypt (to United States and Israel only): “We can talk about Sinai.”",
    );
  });

  it("says the instructor's broadcast is the instructor's", () => {
    const broadcast = line({ by: "system", kind: "broadcast", text: "Five minutes left" });
    expect(entryText(broadcast, name)).toBe("Instructor: “Five minutes left”");
  });

  it("leaves other lines as the rules wrote them (they name their actors)", () => {
    const accept = line({ kind: "accept", text: "Egypt accepts proposal p2." });
    expect(entryText(accept, name)).toBe("Egypt accepts proposal p2.");
    expect(entryText(line({ by: "system", kind: "roundStarted", text: "Round 2 of 8 begins." }), name)).toBe(
      "Round 2 of 8 begins.",
    );
  });
});
