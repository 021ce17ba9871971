import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/parse.ts";
import { scoreTable } from "../scoring/score.ts";
import { viewFor } from "../view/viewFor.ts";
import { apply, replay } from "./apply.ts";
import { initialState } from "./initialState.ts";
import { nextRound } from "./testing/play.ts";
import { deltaParty, riverScenario } from "./testing/river.ts";
import type { GameEvent, GameState, Move, SeatId } from "./types.ts";
import { validate, validateSystem } from "./validate.ts";

/** The river (testing/river.ts) with three rounds and a BATNA erosion of 2 per round. */
const tiny = riverScenario({ rules: "{ roundLimit: 3, batnaErosionPerRound: 2 }" });

function play(state: GameState, seat: SeatId, move: Move): GameState {
  const result = validate(state, seat, move);
  if (!result.ok) throw new Error(`${result.rejection.code}: ${result.rejection.message}`);
  return apply(state, result.event);
}

const logroll = { options: { water: "high", fish: "many" } };

describe("universal moves", () => {
  it("an accepted proposal becomes the agreement and ends the game", () => {
    let s = initialState(tiny, 1);
    s = play(s, "a", { kind: "propose", to: ["b"], package: logroll });
    s = play(s, "b", { kind: "accept", proposalId: "p0" });
    expect(s.phase).toBe("ended");
    expect(s.outcome).toMatchObject({ kind: "agreement", proposalId: "p0", parties: ["a", "b"] });
    // a: water high 60 + fish many 0 = 60; b: water high 0 + fish many 70 = 70.
    expect(scoreTable(s).map((x) => x.points)).toEqual([60, 70]);
  });

  it("a rejected proposal stays rejected and the game goes on", () => {
    let s = initialState(tiny, 1);
    s = play(s, "a", { kind: "propose", to: ["b"], package: logroll });
    s = play(s, "b", { kind: "reject", proposalId: "p0" });
    expect(s.proposals[0]?.status).toBe("rejected");
    expect(s.phase).toBe("playing");
  });

  it("without agreement by the round limit each party takes its eroded BATNA", () => {
    let s = initialState(tiny, 1);
    for (let round = 1; round <= 3; round++) {
      s = play(s, "a", { kind: "pass" });
      s = play(s, "b", { kind: "pass" });
    }
    expect(s.outcome).toMatchObject({ kind: "noAgreement", reason: "roundLimit" });
    // Erosion of 2 at the end of each of 3 rounds: 30 - 6 and 25 - 6.
    expect(scoreTable(s).map((x) => x.points)).toEqual([24, 19]);
  });

  it("walking away in a two-party game ends it without agreement", () => {
    let s = initialState(tiny, 1);
    s = play(s, "b", { kind: "walkAway" });
    expect(s.outcome).toMatchObject({ kind: "noAgreement", reason: "walkout" });
  });

  it("a round ends when every seat has made its main move", () => {
    let s = initialState(tiny, 1);
    s = play(s, "a", { kind: "pass" });
    expect(s.round).toBe(1);
    s = play(s, "b", { kind: "chat", text: "hello" });
    expect(s.round).toBe(1);
    s = play(s, "b", { kind: "pass" });
    expect(s.round).toBe(2);
  });
});

describe("validation names the rule and changes nothing", () => {
  const s0 = initialState(tiny, 1);
  const cases: [string, SeatId, Move, string][] = [
    ["AlreadyActed", "a", { kind: "pass" }, "already made your move"],
    [
      "UnknownOption",
      "b",
      { kind: "propose", to: ["a"], package: { options: { water: "t90", fish: "few" } } },
      "Option 't90' is not an option of issue 'Water'",
    ],
    ["MissingIssue", "b", { kind: "propose", to: ["a"], package: { options: { water: "low" } } }, "missing: Fish"],
    ["ProposeToYourself", "b", { kind: "propose", to: ["b"], package: logroll }, "yourself"],
    ["UnknownProposal", "b", { kind: "accept", proposalId: "p99" }, "no proposal"],
    ["NotASeat", "zz", { kind: "pass" }, "not a seat"],
  ];
  const afterPass = apply(s0, { seq: 0, by: "a", move: { kind: "pass" } });
  for (const [code, seat, move, text] of cases) {
    it(`${code}: ${text}`, () => {
      const before = JSON.stringify(afterPass);
      const result = validate(afterPass, seat, move);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.rejection.code).toBe(code);
        expect(result.rejection.message).toContain(text);
      }
      expect(JSON.stringify(afterPass)).toBe(before);
    });
  }

  it("NotAddressedToYou: only an addressee may accept", () => {
    const s = play(s0, "a", { kind: "propose", to: ["b"], package: logroll });
    const result = validate(s, "a", { kind: "accept", proposalId: "p0" });
    expect(result.ok || result.rejection.code).toBe("NotAddressedToYou");
  });

  it("GameOver: no move after the end", () => {
    const s = play(s0, "a", { kind: "walkAway" });
    const result = validate(s, "b", { kind: "pass" });
    expect(result.ok || result.rejection.code).toBe("GameOver");
  });

  it("NamedTwice: a list names each seat or issue once, so a repeat cannot multiply a move's effect", () => {
    // Found by the fuzzer (tests/integration/fuzz.test.ts): an anchor addressed to ["b" × 8]
    // cost eight times the trust of one.
    const repeats: Move[] = [
      { kind: "propose", to: ["b", "b", "b", "b", "b", "b", "b", "b"], package: logroll, framing: "anchor" },
      { kind: "chat", text: "Hello", to: ["b", "b"] },
      { kind: "workshop", with: ["b", "b"] },
      { kind: "shareInterests", to: ["b"], issueIds: ["water", "water"] },
    ];
    for (const move of repeats) {
      const result = validate(s0, "a", move);
      expect(result.ok || result.rejection.code, move.kind).toBe("NamedTwice");
      if (!result.ok) expect(result.rejection.message).toContain("more than once");
    }
    expect(validate(s0, "a", { kind: "propose", to: ["b"], package: logroll, framing: "anchor" }).ok).toBe(true);
  });

  it("apply does not change its input", () => {
    const before = JSON.stringify(s0);
    play(s0, "a", { kind: "propose", to: ["b"], package: logroll });
    expect(JSON.stringify(s0)).toBe(before);
  });
});

describe("viewFor", () => {
  it("a seat sees its own payoffs and BATNA, never the other seat's", () => {
    const s = play(initialState(tiny, 1), "a", { kind: "propose", to: ["b"], package: logroll });
    const view = viewFor(s, "b");
    expect(view.me?.payoffs).toEqual(tiny.parties[1]?.payoffs);
    expect(view.me?.batna).toBe(25);
    const text = JSON.stringify(view);
    expect(text).not.toContain("Water matters most to you");
    expect(view.secrets).toBeUndefined();
    expect(view.scores).toBeUndefined();
    // Upstream's unique payoff values never appear as numbers keyed by its options.
    expect(text).not.toMatch(/"high":60/);
  });

  it("the instructor sees every seat's secrets", () => {
    const view = viewFor(initialState(tiny, 1), "instructor");
    expect(Object.keys(view.secrets ?? {})).toEqual(["a", "b"]);
  });

  it("holds an ended table's results back from its seats on request, never from the instructor", () => {
    let s = initialState(tiny, 1, { controllers: { b: { type: "bot", persona: "hardliner" } } });
    const proposal = validate(s, "b", { kind: "propose", to: ["a"], package: logroll });
    if (!proposal.ok) throw new Error(proposal.rejection.message);
    s = apply(s, { ...proposal.event, rationale: "Anchor high on the fish quota." });
    s = play(s, "a", { kind: "accept", proposalId: "p0" });
    expect(s.phase).toBe("ended");

    const held = viewFor(s, "a", { holdResults: true });
    expect(held.resultsHeld).toBe(true);
    expect(held.outcome?.kind).toBe("agreement");
    expect(held.scores).toEqual([expect.objectContaining({ seat: "a", points: 60, batna: 30 })]);
    expect(held.report).toBeUndefined();
    expect(held.parties.find((p) => p.id === "b")?.controller).toEqual({ type: "bot" });
    expect(JSON.stringify(held)).not.toContain("Anchor high");
    expect(JSON.stringify(held)).not.toContain("hardliner");

    const open = viewFor(s, "a");
    expect(open.resultsHeld).toBeUndefined();
    expect(open.scores?.map((x) => x.seat)).toEqual(["a", "b"]);
    expect(open.report).toBeDefined();
    expect(open.parties.find((p) => p.id === "b")?.controller).toEqual({ type: "bot", persona: "hardliner" });
    expect(JSON.stringify(open)).toContain("Anchor high");

    const instructor = viewFor(s, "instructor", { holdResults: true });
    expect(instructor.resultsHeld).toBeUndefined();
    expect(instructor.scores).toHaveLength(2);
    // While the game runs, holding changes nothing.
    const playing = initialState(tiny, 1);
    expect(viewFor(playing, "a", { holdResults: true })).toEqual(viewFor(playing, "a"));
  });

  it("private chat reaches only its recipients", () => {
    const s = play(initialState(tiny, 1), "a", { kind: "chat", text: "psst", to: ["b"] });
    expect(viewFor(s, "b").log.some((e) => e.text === "psst")).toBe(true);
    expect(viewFor(s, "observer").log.some((e) => e.text === "psst")).toBe(false);
  });
});

describe("replay", () => {
  it("folding the log from the initial state gives the live state", () => {
    const events: GameEvent[] = [];
    let live = initialState(tiny, 7);
    const step = (seat: SeatId, move: Move) => {
      const r = validate(live, seat, move);
      if (!r.ok) throw new Error(r.rejection.message);
      events.push(r.event);
      live = apply(live, r.event);
    };
    step("a", { kind: "propose", to: ["b"], package: { options: { water: "high", fish: "few" } } });
    step("b", { kind: "reject", proposalId: "p0" });
    step("b", { kind: "propose", to: ["a"], package: logroll });
    const advance = validateSystem(live, { kind: "advanceRound" });
    if (!advance.ok) throw new Error("advance");
    events.push(advance.event);
    live = apply(live, advance.event);
    step("a", { kind: "accept", proposalId: "p2" });
    expect(replay(initialState(tiny, 7), events)).toEqual(live);
  });
});

describe("a proposal a seat cannot see", () => {
  /** Three states: a proposal between two of them is private to them. */
  const trio = loadScenario(`
id: trio
title: Trio
dateContext: now
summary: Three neighbours.
recommended: { seats: 3, minutes: 10 }
parties:
  - { id: a, name: Alpha, publicBrief: P., confidentialBrief: C., batna: 5, payoffs: { x: { lo: 0, hi: 10 } } }
  - { id: b, name: Beta, publicBrief: P., confidentialBrief: C., batna: 5, payoffs: { x: { lo: 10, hi: 0 } } }
  - { id: c, name: Gamma, publicBrief: P., confidentialBrief: C., batna: 5, payoffs: { x: { lo: 5, hi: 5 } } }
issues:
  - { id: x, name: X, statusQuo: lo, options: [{ id: lo, label: Low }, { id: hi, label: High }] }
`);

  it("UnknownProposal: answering it is refused exactly as if it did not exist, so its existence stays private", () => {
    const s = play(initialState(trio, 1), "a", { kind: "propose", to: ["b"], package: { options: { x: "hi" } } });
    const hidden = validate(s, "c", { kind: "reject", proposalId: "p0" });
    const missing = validate(s, "c", { kind: "reject", proposalId: "p9" });
    expect(hidden.ok || hidden.rejection).toEqual({ code: "UnknownProposal", message: "There is no proposal 'p0'." });
    expect(missing.ok || missing.rejection.code).toBe("UnknownProposal");
    // A seat that can see it still gets the precise reason.
    const own = validate(s, "b", { kind: "withdraw", proposalId: "p0" });
    expect(own.ok || own.rejection.code).toBe("NotYourProposal");
  });
});

describe("a proposal that expires", () => {
  const three = riverScenario({
    rules: "{ roundLimit: 6 }",
    extraParties: deltaParty,
  });
  const expiredLine = (s: GameState) => s.log.find((l) => l.kind === "proposalExpired")?.text;
  const untilExpired = (s: GameState) => {
    let state = s;
    while (state.proposals[0]?.status === "open") state = nextRound(state);
    return state;
  };

  it("names the parties that had not accepted it, and those that had, in place of 'unanswered'", () => {
    let s = play(initialState(three, 1), "a", { kind: "propose", to: ["b", "c"], package: logroll });
    s = play(s, "c", { kind: "accept", proposalId: "p0" });
    s = play(s, "b", { kind: "chat", to: ["a"], text: "Not this one." });
    s = untilExpired(s);
    expect(s.proposals[0]?.status).toBe("expired");
    expect(expiredLine(s)).toBe(
      "Proposal p0 by Upstream has expired: Downstream did not accept it in time (Delta had).",
    );
  });

  it("names every party that let it lapse when none had accepted it", () => {
    const s = untilExpired(play(initialState(three, 1), "a", { kind: "propose", to: ["b", "c"], package: logroll }));
    expect(expiredLine(s)).toBe("Proposal p0 by Upstream has expired: Downstream and Delta did not accept it in time.");
  });
});
