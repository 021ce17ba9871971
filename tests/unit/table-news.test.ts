import type { LogEntry } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { lastSeq, tableNews } from "../../client/src/table/tableNews.ts";

const line = (seq: number, by: LogEntry["by"], kind: LogEntry["kind"], text: string): LogEntry => ({
  seq,
  round: 1,
  by,
  kind,
  approach: "universal",
  text,
  visibleTo: "all",
});
const name = (seat: string) => ({ usa: "United States", china: "China" })[seat] ?? seat;

const log = [
  line(0, "system", "roundStarted", "Round 1 of 8 begins."),
  line(1, "usa", "propose", "United States offers a package (proposal p1)."),
  line(2, "china", "reject", "China rejects proposal p1."),
  line(3, "system", "roundStarted", "Round 2 of 8 begins."),
  line(4, "china", "chat", "Hello"),
  line(5, "system", "proposalExpired", "Proposal p1 expired."),
];

describe("what a screen reader is told when the table's log grows", () => {
  it("tells the other parties' moves and what followed, not the student's own move or the new round", () => {
    expect(tableNews(log, 0, "usa", name)).toEqual(["China rejects proposal p1.", "Proposal p1 expired."]);
  });

  it("tells nothing already told, and nothing on the first view (the whole log is not news)", () => {
    expect(tableNews(log, 5, "usa", name)).toEqual([]);
    expect(tableNews(log, undefined, "usa", name)).toEqual([]);
    expect(lastSeq(log)).toBe(5);
    expect(lastSeq([])).toBe(-1);
  });

  it("leaves the chat to the chat panel and the instructor's broadcast to its notice", () => {
    const broadcast = line(6, "system", "broadcast", "Ten minutes left");
    expect(tableNews([...log, broadcast], 3, "usa", name)).toEqual(["Proposal p1 expired."]);
  });

  it("names a proposal without its terms, which Proposals lists with their worth", () => {
    const offer = line(
      6,
      "china",
      "propose",
      "China offers a package across issues to United States (proposal p2, version 1): Tariffs: Halve them; Purchase commitments: None.",
    );
    const mediator = line(
      7,
      "india",
      "mediatorProposal",
      "India puts a mediator's proposal to Russia (proposal p3): Ceasefire: Now.",
    );
    expect(tableNews([offer, mediator], 5, "usa", name)).toEqual([
      "China offers a package across issues to United States (proposal p2, version 1); its terms are under Proposals.",
      "India puts a mediator's proposal to Russia (proposal p3); its terms are under Proposals.",
    ]);
  });

  it("says at most three lines, and where the rest are", () => {
    const many = [1, 2, 3, 4, 5].map((seq) => line(seq, "china", "pass", `China passes (${seq}).`));
    expect(tableNews(many, 0, "usa", name)).toEqual([
      "China passes (1).",
      "China passes (2).",
      "And 3 more in What happened.",
    ]);
  });
});
