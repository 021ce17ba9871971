import { describe, expect, it } from "vitest";
import type { ReplayEntry } from "../../client/src/debrief/controls.ts";
import { filterLog, parseLogFilter } from "../../client/src/debrief/logFilter.ts";

/** A council's replay runs to hundreds of lines: the instructor shows the kind they look for. */
describe("the replay log's filter", () => {
  const line = (seq: number, by: string, kind: ReplayEntry["kind"], extra: Partial<ReplayEntry> = {}): ReplayEntry => ({
    seq,
    round: 1,
    by,
    kind,
    approach: "universal",
    text: `line ${seq}`,
    visibleTo: "all",
    ...extra,
  });
  const log: ReplayEntry[] = [
    line(0, "system", "advanceRound"),
    line(1, "usa", "chat"),
    line(2, "china", "propose", { rationale: "Its aspiration is 98." }),
    line(3, "system", "advanceRound", { instructor: true }),
    line(4, "usa", "accept"),
  ];
  const seqs = (value: string) => filterLog(log, parseLogFilter(value)).map((e) => e.seq);

  it("keeps every line, or the parties' moves without chat and table events", () => {
    expect(seqs("all")).toEqual([0, 1, 2, 3, 4]);
    expect(seqs("moves")).toEqual([2, 4]);
  });

  it("keeps the chat, the bots' reasoned moves, or what the instructor did", () => {
    expect(seqs("chat")).toEqual([1]);
    expect(seqs("reasons")).toEqual([2]);
    expect(seqs("instructor")).toEqual([3]);
  });

  it("keeps one party's lines, and reads an unknown value as every line", () => {
    expect(seqs("seat:usa")).toEqual([1, 4]);
    expect(seqs("seat:china")).toEqual([2]);
    expect(seqs("nonsense")).toEqual([0, 1, 2, 3, 4]);
  });
});
