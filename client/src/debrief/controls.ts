import type { GameEvent, LogEntry, SeatId, TableControl } from "@parley/shared";
import type { TimelineMark } from "./scrub.ts";

/**
 * A line of the replay's log: the table's own (a bot's line carries its reason, `rationale`,
 * as every log entry may), or one of the instructor's (marked `instructor`).
 */
export type ReplayEntry = LogEntry & { instructor?: true };

/** The rules' event a control caused, by its move's kind (a pause, an added minute, a start cause none). */
const causes: Partial<Record<TableControl["action"]["action"], string>> = {
  advanceRound: "advanceRound",
  injectEvent: "injectEvent",
  broadcast: "broadcast",
  replaceWithBot: "setController",
  end: "endGame",
};

/** "5 more minutes", "30 more seconds". */
function moreTime(minutes: number): string {
  if (minutes < 1) {
    const seconds = Math.round(minutes * 60);
    return `${seconds} more second${seconds === 1 ? "" : "s"}`;
  }
  return `${minutes} more minute${minutes === 1 ? "" : "s"}`;
}

/** How long, in words, from one time to another ("4 minutes", "under a minute", "2 hours"). */
function lasted(from: string, to: string): string {
  const minutes = Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
  if (minutes < 1) return "under a minute";
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  return `${Math.round(minutes / 60)} hours`;
}

/** What an instructor's control did, in a sentence of the replay's log. */
export function controlText(
  control: TableControl,
  scenario: { events: readonly { id: string; title: string }[] },
  name: (seat: SeatId) => string,
  pausedAt?: string,
): string {
  const a = control.action;
  switch (a.action) {
    case "start":
      return "The instructor started the negotiation.";
    case "pause":
      return `The instructor paused the table in round ${control.round}.`;
    case "resume":
      return pausedAt
        ? `The instructor resumed the table after ${lasted(pausedAt, control.at)} paused.`
        : "The instructor resumed the table.";
    case "extendDeadline":
      return `The instructor gave round ${control.round} ${moreTime(a.minutes)}.`;
    case "advanceRound":
      return `The instructor moved the table on from round ${control.round}.`;
    case "injectEvent":
      return `The instructor brought in an event: ${scenario.events.find((e) => e.id === a.eventId)?.title ?? a.eventId}.`;
    case "broadcast":
      return `The instructor's message: “${a.text}”`;
    case "replaceWithBot":
      return `The instructor gave ${name(a.seat)}'s seat to a bot.`;
    case "end":
      return `The instructor ended the negotiation${a.reason ? ` (${a.reason})` : ""}.`;
  }
}

/**
 * A control at its place in the replay: `before` the lines of the event it caused, or after
 * those of its step; `markOnly` when the log says it already (a broadcast's own line reads
 * "Instructor: “…”"), so that it is a mark on the timeline and no second line.
 */
export interface ControlLine {
  entry: ReplayEntry;
  before: boolean;
  markOnly?: true;
}

/**
 * The instructor's controls as lines of the replay's log, each at its step: a control that
 * caused an event of the rules (a round advanced, a broadcast, a seat given to a bot) just
 * before that event's own lines, so that "Round 3 begins" reads as the instructor's doing; one
 * that caused none (a pause, added minutes) after the lines of the step it came at.
 */
export function controlLines(
  controls: readonly TableControl[],
  events: readonly GameEvent[],
  scenario: { events: readonly { id: string; title: string }[] },
  name: (seat: SeatId) => string,
): ControlLine[] {
  const used = new Set<number>();
  let pausedAt: string | undefined;
  return controls.map((control) => {
    const a = control.action;
    const kind = causes[a.action];
    const caused = kind
      ? events.find(
          (e) =>
            e.seq >= control.step &&
            !used.has(e.seq) &&
            e.by === "system" &&
            e.move.kind === kind &&
            (e.move.kind !== "setController" || (a.action === "replaceWithBot" && e.move.seat === a.seat)),
        )
      : undefined;
    if (caused) used.add(caused.seq);
    const text = controlText(control, scenario, name, a.action === "resume" ? pausedAt : undefined);
    pausedAt = a.action === "pause" ? control.at : a.action === "resume" ? undefined : pausedAt;
    const entry: ReplayEntry = {
      seq: caused ? caused.seq : control.step - 1,
      round: control.round,
      by: "system",
      // A system kind, as the type asks (`instructor` marks the line), and one whose text
      // entryText leaves as it is ("broadcast" would read "Instructor: “The instructor…”").
      kind: "advanceRound",
      approach: "universal",
      text,
      visibleTo: "all",
      instructor: true,
    };
    return {
      entry,
      before: caused !== undefined,
      ...(a.action === "broadcast" ? { markOnly: true as const } : {}),
    };
  });
}

/** The log's lines with the instructor's among them, in step order (see controlLines). */
export function withControlLines(entries: readonly ReplayEntry[], lines: readonly ControlLine[]): ReplayEntry[] {
  const ranked = [
    ...entries.map((entry, i) => ({ entry, rank: 1, i })),
    ...lines.filter((l) => !l.markOnly).map(({ entry, before }, i) => ({ entry, rank: before ? 0 : 2, i })),
  ];
  ranked.sort((p, q) => p.entry.seq - q.entry.seq || p.rank - q.rank || p.i - q.i);
  return ranked.map((r) => r.entry);
}

/** Where the instructor stepped in, as marks on the replay's timeline: one a step, saying all it came with. */
export function controlMarks(lines: readonly { entry: ReplayEntry }[]): TimelineMark[] {
  const marks = new Map<number, string>();
  for (const { entry } of lines) {
    const step = entry.seq + 1;
    const before = marks.get(step);
    marks.set(step, before === undefined ? entry.text : `${before} ${entry.text}`);
  }
  return [...marks].map(([step, label]) => ({ step, label }));
}
