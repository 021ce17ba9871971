import {
  apply,
  type GameEvent,
  type GameState,
  initialState,
  type Move,
  type SystemMove,
  type TableControl,
  validate,
  validateSystem,
  viewFor,
} from "@parley/shared";
import { describe, expect, it } from "vitest";
import { controlLines, controlMarks, withControlLines } from "../../client/src/debrief/controls.ts";
import { textByStep } from "../../client/src/debrief/stepIndex.ts";
import { pair } from "../property/fixtures.ts";

/**
 * The instructor's controls among a replay's lines. A debrief could not tell why a round ran
 * long (the pause and the added minutes were nowhere), and "Round 2 begins" or "A bot now
 * plays A" read as the clock's or anyone's doing. Each control is a line at the step it came
 * at: before the event it caused, or after the lines of its step when it caused none.
 */
const events: GameEvent[] = [];
let state: GameState = initialState(pair, 1, {
  controllers: { a: { type: "human", name: "Asha" }, b: { type: "human", name: "Ben" } },
});
function store(decision: ReturnType<typeof validate>) {
  if (!decision.ok) throw new Error(decision.rejection.message);
  events.push(decision.event);
  state = apply(state, decision.event);
}
const move = (seat: string, m: Move) => store(validate(state, seat, m));
const system = (m: SystemMove) => store(validateSystem(state, m));

const at = (minute: number) => `2026-11-27T10:${String(minute).padStart(2, "0")}:00.000Z`;
const controls: TableControl[] = [];
const control = (action: TableControl["action"], minute: number) =>
  controls.push({ at: at(minute), step: state.seq, round: state.round, action });

control({ action: "start" }, 0);
move("a", { kind: "chat", text: "Hello" });
control({ action: "pause" }, 2);
control({ action: "extendDeadline", minutes: 5 }, 3);
control({ action: "resume" }, 6);
control({ action: "broadcast", text: "Five minutes left." }, 7);
system({ kind: "broadcast", text: "Five minutes left." });
control({ action: "advanceRound" }, 8);
system({ kind: "advanceRound" });
control({ action: "replaceWithBot", seat: "b" }, 9);
system({ kind: "setController", seat: "b", controller: { type: "bot", persona: "hardliner" } });

const name = (seat: string) => (seat === "a" ? "A" : "B");
const lines = controlLines(controls, events, pair, name);
const log = withControlLines(viewFor(state, "b").log, lines);

describe("the instructor's controls in a replay", () => {
  it("says what each did, a resume how long the table was paused", () => {
    expect(lines.map((l) => l.entry.text)).toEqual([
      "The instructor started the negotiation.",
      "The instructor paused the table in round 1.",
      "The instructor gave round 1 5 more minutes.",
      "The instructor resumed the table after 4 minutes paused.",
      "The instructor's message: “Five minutes left.”",
      "The instructor moved the table on from round 1.",
      "The instructor gave B's seat to a bot.",
    ]);
    expect(lines.every((l) => l.entry.instructor)).toBe(true);
    // The broadcast's own line says it already ("Instructor: “…”"): a mark, no second line.
    expect(lines.filter((l) => l.markOnly).map((l) => l.entry.text)).toEqual([
      "The instructor's message: “Five minutes left.”",
    ]);
  });

  it("puts a control that caused an event just before that event's lines, and one that caused none after its step's", () => {
    const texts = log.map((e) => e.text);
    const index = (text: string) => texts.findIndex((t) => t.startsWith(text));
    // The start, before any move, is at the opening (step 0), after the opening's own line.
    expect(log.slice(0, 2).map((e) => [e.seq, e.text])).toEqual([
      [-1, "Round 1 of 4 begins."],
      [-1, "The instructor started the negotiation."],
    ]);
    // The pause came after the chat: its step's text says both.
    expect(index("The instructor paused")).toBeGreaterThan(index("A: Hello"));
    expect(textByStep(log).get(1)).toContain("The instructor paused the table in round 1.");
    // The round advanced and the seat given away each read as the instructor's doing.
    expect(index("The instructor's message")).toBe(-1);
    expect(index("Round 2 of 4 begins")).toBeGreaterThan(index("The instructor moved the table on"));
    expect(index("The instructor moved the table on")).toBeGreaterThan(index("Five minutes left."));
    expect(index("Five minutes left.")).toBeGreaterThan(index("The instructor resumed"));
    expect(texts[index("The instructor gave B's seat to a bot.") + 1]).toBe("A bot now plays B.");
    // In step order throughout, so the replay's step index still finds each step's lines.
    expect(log.map((e) => e.seq)).toEqual([...log.map((e) => e.seq)].sort((p, q) => p - q));
  });

  it("marks the timeline where the instructor stepped in, once a step", () => {
    const marks = controlMarks(lines);
    expect(marks.map((m) => m.step)).toEqual([0, 1, 2, 3, 4]);
    expect(marks[1]?.label).toBe(
      "The instructor paused the table in round 1. The instructor gave round 1 5 more minutes. The instructor resumed the table after 4 minutes paused.",
    );
  });

  it("tells two broadcasts apart: each goes with its own event", () => {
    const two = controlLines(
      [
        { at: at(1), step: 0, round: 1, action: { action: "broadcast", text: "one" } },
        { at: at(2), step: 0, round: 1, action: { action: "broadcast", text: "two" } },
      ],
      [
        { seq: 0, by: "system", move: { kind: "broadcast", text: "one" } },
        { seq: 1, by: "system", move: { kind: "broadcast", text: "two" } },
      ],
      pair,
      name,
    );
    expect(two.map((l) => l.entry.seq)).toEqual([0, 1]);
  });
});
