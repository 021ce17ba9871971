import type { ParticipantInfo, SessionOverview, TableSummary } from "@parley/shared";
import { outcomeWords } from "@parley/shared";

type Seen = Pick<SessionOverview, "participants" | "tables">;

const joined = (p: ParticipantInfo) =>
  `${p.name} joined${p.table !== null && p.party ? ` (table ${p.table}, ${p.party})` : ""}.`;
const asksToSwitch = (p: ParticipantInfo) => `${p.name} asks to switch seat.`;
const ended = (t: TableSummary) => `Table ${t.number ?? "?"} has ended: ${outcomeWords(t)}.`;

/**
 * What an instructor who cannot see the dashboard is told when it changes as a sighted one
 * sees it change: a student joined, a student asks to switch seat, a table ended. Nothing on
 * the first overview (all of it is there to read, none of it news).
 */
export function classNews(before: Seen | undefined, after: Seen): string[] {
  if (!before) return [];
  const was = new Map(before.participants.map((p) => [p.id, p]));
  const tableWas = new Map(before.tables.map((t) => [t.tableId, t]));
  return [
    ...after.participants.filter((p) => !was.has(p.id)).map(joined),
    ...after.participants.filter((p) => p.requested && was.has(p.id) && !was.get(p.id)?.requested).map(asksToSwitch),
    ...after.tables.filter((t) => t.phase === "ended" && tableWas.get(t.tableId)?.phase === "playing").map(ended),
  ];
}
