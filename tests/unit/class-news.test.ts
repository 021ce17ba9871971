import type { ParticipantInfo, TableSummary } from "@parley/shared";
import { describe, expect, it } from "vitest";
import { classNews } from "../../client/src/teach/classNews.ts";

const student = (id: string, name: string, more: Partial<ParticipantInfo> = {}): ParticipantInfo => ({
  id,
  name,
  tableId: "t1",
  table: 1,
  seat: "usa",
  party: "United States",
  requested: null,
  joinedAt: "2026-01-01T00:00:00Z",
  lastSeat: null,
  ...more,
});
const table = (phase: "playing" | "ended"): TableSummary =>
  ({ tableId: "t1", number: 1, phase, round: 3, outcome: phase === "ended" ? null : undefined }) as TableSummary;

describe("what the dashboard tells an instructor who cannot see it", () => {
  const ada = student("p1", "Ada");
  it("says who joined, and where they sit", () => {
    const ben = student("p2", "Ben", { seat: "china", party: "China" });
    expect(classNews({ participants: [ada], tables: [] }, { participants: [ada, ben], tables: [] })).toEqual([
      "Ben joined (table 1, China).",
    ]);
  });

  it("says a student asks to switch seat, once", () => {
    const asking = { ...ada, requested: { seat: "china", at: "2026-01-01T00:01:00Z" } };
    expect(classNews({ participants: [ada], tables: [] }, { participants: [asking], tables: [] })).toEqual([
      "Ada asks to switch seat.",
    ]);
    expect(classNews({ participants: [asking], tables: [] }, { participants: [asking], tables: [] })).toEqual([]);
  });

  it("says a table ended, with how", () => {
    const news = classNews(
      { participants: [], tables: [table("playing")] },
      { participants: [], tables: [table("ended")] },
    );
    expect(news).toHaveLength(1);
    expect(news[0]).toMatch(/^Table 1 has ended: .+\.$/);
  });

  it("tells nothing on the first overview", () => {
    expect(classNews(undefined, { participants: [ada], tables: [table("ended")] })).toEqual([]);
  });
});
