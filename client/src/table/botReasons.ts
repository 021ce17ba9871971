import { entryText, type LogEntry, type SeatId } from "@parley/shared";

/** One line of "Why the bots did what they did": the move as the log tells it, and why. */
export interface BotReason {
  key: string;
  round: number;
  text: string;
  why: string;
}

/**
 * The bots' moves that carry a reason, in the log's order, each told as the log tells it: a
 * bot's chat line names its speaker and who it was for ("Egypt (to United States (mediator)
 * only): “We cannot accept…”"), where the bare message had left the reader to guess who spoke.
 */
export function botReasons(log: readonly LogEntry[], bots: readonly SeatId[], name: (seat: SeatId) => string) {
  const out: BotReason[] = [];
  for (const entry of log) {
    if (!entry.rationale || !bots.includes(entry.by)) continue;
    out.push({
      key: `${entry.seq}-${entry.kind}`,
      round: entry.round,
      text: entryText(entry, name),
      why: entry.rationale,
    });
  }
  return out;
}
