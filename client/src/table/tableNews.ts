import { entryText, type LogEntry, type SeatId } from "@parley/shared";

/**
 * Log lines a screen reader is not told again by the table news: the round box says the new
 * round, the chat panel reads its own lines, and the instructor's broadcasts and seat changes
 * come with a notice.
 */
const saidElsewhere = new Set<LogEntry["kind"]>(["roundStarted", "chat", "broadcast", "setController"]);

/**
 * A proposal's line without its package: said whole, a council's eight proposals a round
 * took minutes to hear, and Proposals has the terms with what each is worth to the student.
 */
const proposalTerms = /(\(proposal p\d+(?:, version \d+)?\)): .*$/s;

/** At most this many lines at once; the rest are in What happened. */
const most = 3;

/**
 * What a student who cannot see the table is told when its log grows: what the other parties
 * did and what followed (a proposal arrived or expired, a crisis, a ruling, the end), in the
 * log's order. Their own moves are left out (the notice on what their move changed says them),
 * as is everything up to `seenSeq`, the last event already told (undefined on the first view:
 * nothing is news yet). Empty when there is nothing new to say.
 */
export function tableNews(
  log: LogEntry[],
  seenSeq: number | undefined,
  me: SeatId | undefined,
  name: (seat: SeatId) => string,
): string[] {
  if (seenSeq === undefined) return [];
  const lines = log
    .filter((e) => e.seq > seenSeq && e.by !== me && !saidElsewhere.has(e.kind))
    .map((e) => entryText(e, name).replace(proposalTerms, "$1; its terms are under Proposals."));
  if (lines.length <= most) return lines;
  const more = lines.length - (most - 1);
  return [...lines.slice(0, most - 1), `And ${more} more in What happened.`];
}

/** The last event the log tells of (-1 for an empty log). */
export function lastSeq(log: LogEntry[]): number {
  return log.reduce((last, e) => Math.max(last, e.seq), -1);
}
