import {
  apply,
  type GameEvent,
  type GameState,
  newViewCache,
  simulateGame,
  type Viewer,
  viewFor,
  viewsFor,
} from "@parley/shared";
import { describe, expect, it } from "vitest";
import { play } from "../../shared/src/rules/testing/play.ts";
import { shippedScenarios } from "../property/fixtures.ts";
import { playRandomGame, seededChooser } from "../property/randomPlay.ts";

/** `seat`'s chat line, to everyone or to `to`. */
function say(state: GameState, seat: string, text: string, to?: string[]): GameState {
  return play(state, seat, { kind: "chat", text, ...(to ? { to } : {}) });
}
/**
 * A table's view cache extends each viewer's log from the last one when the log grew; the
 * debrief's replay uses one cache for states that do not follow each other (scrubbing back,
 * a what-if branch), where the log must be built afresh.
 */
describe("a view cache used for states that do not follow each other", () => {
  const scenario = shippedScenarios().find((s) => s.id === "russia-ukraine-mediation");
  if (!scenario) throw new Error("scenario missing");
  const game = simulateGame({ scenario, seed: 21 });
  const states: GameState[] = [game.initial];
  for (const event of game.events) states.push(apply(states.at(-1) as GameState, event));
  const viewers: Viewer[] = [...game.seats, "instructor", "observer"];
  const fresh = (state: GameState) => viewers.map((viewer) => viewFor(state, viewer));

  it("gives the views of each state, forward, back, forward again and on a branch", () => {
    expect(states.length).toBeGreaterThan(30);
    const cache = newViewCache();
    const first = game.seats[0] as string;
    const branch = say(states[12] as GameState, first, "a line only on the branch");
    const order = [
      states[20],
      states[25],
      states[8],
      states[9],
      branch,
      say(branch, first, "and one more"),
      states[30],
      states[13],
    ];
    for (const state of order as GameState[]) {
      expect(viewsFor(state, viewers, {}, cache)).toEqual(fresh(state));
    }
    // Two branches from one state, each with a private line at the same place: the views of
    // one after the other's hold its own line, and no view writes into either state (frozen).
    const [a, b] = game.seats as [string, string];
    const aside = (text: string) => deepFreeze(say(states[12] as GameState, a, text, [b]));
    const [one, other] = [aside("one aside"), aside("another aside")];
    for (const state of [one, other, one]) {
      expect(viewsFor(state, [a, "instructor"], {}, cache)).toEqual([viewFor(state, a), viewFor(state, "instructor")]);
    }
    // The branch's line is in the branch's views only.
    const lines = (state: GameState) => viewsFor(state, ["observer"], {}, cache)[0]?.log.map((e) => e.text);
    expect(lines(branch)).toContain("a line only on the branch");
    expect(lines(states[13] as GameState)).not.toContain("a line only on the branch");
  });
});

/**
 * A live table builds every viewer's view after every event. A chat line changes the log and
 * nothing else, so a seat's view after one is its last view, changed in place: its seq, and
 * its log with the new line. Seats who see the same lines share one list of them, which
 * grows in place by the lines everyone sees; a line not everyone sees forks it.
 */
describe("a table's views after chat lines", () => {
  const scenario = shippedScenarios().find((s) => s.id === "russia-ukraine-mediation");
  if (!scenario) throw new Error("scenario missing");
  const game = simulateGame({ scenario, seed: 4 });
  const seats = game.seats;
  const [a, b, c, d] = seats as [string, string, string, string];

  it("change a seat's last view in place, and give seats who see the same lines one list", () => {
    const cache = newViewCache();
    const viewers: Viewer[] = [...seats, "instructor"];
    let state = game.initial;
    const first = viewsFor(state, viewers, {}, cache);
    const parts = first.map((view) => ({ moves: view.moves, me: view.me, parties: view.parties, log: view.log }));
    const lengths = first.map((view) => view.log.length);
    state = say(state, a, "Good morning.");
    const second = viewsFor(state, viewers, {}, cache);
    expect(second).toEqual(viewers.map((viewer) => viewFor(state, viewer)));
    for (const i of seats.keys()) {
      const [before, after] = [parts[i], second[i]];
      expect(after, "the same view, changed in place").toBe(first[i]);
      expect(after?.seq).toBe(state.seq);
      expect(after?.moves).toBe(before?.moves);
      expect(after?.me).toBe(before?.me);
      expect(after?.parties).toBe(before?.parties);
      expect(after?.log, "the same list, grown").toBe(before?.log);
      expect(after?.log).toHaveLength((lengths[i] ?? 0) + 1);
      expect(after?.log, "one list for every seat").toBe(second[0]?.log);
    }
    // The instructor sees the same lines here (no bot has given a reason): the seats' list.
    expect(second[seats.length]?.log).toBe(second[0]?.log);

    // A private line: the two who see it share a new list, the others keep theirs as it was.
    const shared = second[0]?.log;
    const sharedLength = shared?.length;
    state = say(state, a, "Just between us.", [b]);
    const third = viewsFor(state, viewers, {}, cache);
    expect(third).toEqual(viewers.map((viewer) => viewFor(state, viewer)));
    const of = (seat: string) => third[seats.indexOf(seat)]?.log;
    expect(of(a)).toBe(of(b));
    expect(of(a)).not.toBe(shared);
    expect(of(c)).toBe(shared);
    expect(of(d)).toBe(shared);
    expect(shared).toHaveLength(sharedLength ?? -1);

    // A line for everyone after it: each of the two lists grows in place.
    state = say(state, c, "Shall we begin?");
    const fourth = viewsFor(state, viewers, {}, cache);
    expect(fourth).toEqual(viewers.map((viewer) => viewFor(state, viewer)));
    expect(fourth[seats.indexOf(a)]?.log).toBe(of(a));
    expect(fourth[seats.indexOf(c)]?.log).toBe(shared);

    // A bot's line with its reason: the seats see it without the reason, the instructor with it.
    const reasoned: GameEvent = { seq: state.seq, by: d, move: { kind: "chat", text: "Noted." }, rationale: "stall" };
    state = apply(state, reasoned);
    const fifth = viewsFor(state, viewers, {}, cache);
    expect(fifth).toEqual(viewers.map((viewer) => viewFor(state, viewer)));
    expect(fifth[seats.indexOf(c)]?.log.at(-1)).not.toHaveProperty("rationale");
    expect(fifth[seats.length]?.log.at(-1)).toHaveProperty("rationale", "stall");
    expect(fifth[seats.length]?.log).not.toBe(fifth[seats.indexOf(c)]?.log);
  });

  it("change the instructor's last view in place too: its debrief report does not read the log", () => {
    const cache = newViewCache();
    let state = game.initial;
    const [first] = viewsFor(state, ["instructor"], {}, cache);
    const report = first?.report;
    expect(report).toBeDefined();
    state = say(state, a, "Good morning.");
    const [second] = viewsFor(state, ["instructor"], {}, cache);
    expect(second).toEqual(viewFor(state, "instructor"));
    expect(second, "the same view, changed in place").toBe(first);
    expect(second?.report, "the report not built again").toBe(report);
    expect(second?.seq).toBe(state.seq);
    // A move builds the view again.
    state = play(state, a, { kind: "pass" });
    const [third] = viewsFor(state, ["instructor"], {}, cache);
    expect(third).toEqual(viewFor(state, "instructor"));
    expect(third?.parties.find((p) => p.id === a)?.acted).toBe(true);
  });

  it("give a viewer left out of some calls the lines it missed, and leave the others' lists alone", () => {
    const cache = newViewCache();
    const viewers: Viewer[] = [...seats];
    let state = game.initial;
    viewsFor(state, viewers, {}, cache);
    // c and d are left out (the table sends to some clients only, say one reconnecting).
    state = say(state, a, "One.");
    viewsFor(state, [a, b], {}, cache);
    state = say(state, b, "Two, for a only.", [a]);
    viewsFor(state, [a, b], {}, cache);
    state = say(state, a, "Three.");
    const [late] = viewsFor(state, [c], {}, cache);
    expect(late).toEqual(viewFor(state, c));
    const all = viewsFor(state, viewers, {}, cache);
    expect(all).toEqual(viewers.map((viewer) => viewFor(state, viewer)));
    expect(all[2]?.log).toBe(all[3]?.log);
    expect(all[0]?.log).toBe(all[1]?.log);
  });

  it("build the whole view again when anything but the log changed", () => {
    const cache = newViewCache();
    let state = game.initial;
    const before = viewsFor(state, [a], {}, cache)[0];
    state = play(state, a, { kind: "pass" });
    const after = viewsFor(state, [a], {}, cache)[0];
    expect(after).toEqual(viewFor(state, a));
    expect(after?.parties).not.toEqual(before?.parties);
    expect(after?.moves).not.toBe(before?.moves);
  });
});

/** Freezes `value` and everything in it: a write into it then throws (modules are strict). */
function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  if (value === null || typeof value !== "object" || seen.has(value)) return value;
  seen.add(value);
  for (const child of Object.values(value)) deepFreeze(child, seen);
  return Object.freeze(value);
}

/**
 * Views change in place, and hold the state's own log lines: no call may write into a state.
 * Some viewers are left out of some calls (the table sends to a reconnecting client alone),
 * so lists are shared, grown by some viewers and forked by others; every view must still be
 * the one `viewFor` builds.
 */
describe("a view cache over frozen states, with viewers left out of some calls", () => {
  it.each(shippedScenarios().map((s) => [s.id, s] as const))(
    "gives every view and writes into no state, %s",
    (_id, scenario) => {
      const games = [
        simulateGame({ scenario, seed: 9 }),
        playRandomGame(scenario, 5, seededChooser(5), { maxEvents: 120 }),
      ];
      for (const game of games) {
        const pick = seededChooser(17);
        const cache = newViewCache();
        let state = deepFreeze(game.initial);
        const viewers: Viewer[] = [...state.seats, "instructor", "observer"];
        const check = (holdResults: boolean) => {
          const some = viewers.filter(() => pick.int(3) > 0);
          const views = viewsFor(state, some, { holdResults }, cache);
          some.forEach((viewer, i) => {
            expect(views[i], `${viewer} at seq ${state.seq}`).toEqual(viewFor(state, viewer, { holdResults }));
          });
        };
        check(false);
        for (const event of game.events) {
          state = deepFreeze(apply(state, event));
          check(false);
        }
        check(true);
        check(false);
      }
    },
  );
});
