import { describe, expect, it } from "vitest";
import { apply } from "../rules/apply.ts";
import { initialState } from "../rules/initialState.ts";
import type { GameState, Move } from "../rules/types.ts";
import { validate } from "../rules/validate.ts";
import { parseScenario } from "../scenario/parse.ts";
import type { Scenario } from "../scenario/schema.ts";
import { viewFor } from "../view/viewFor.ts";
import { decideBotMove } from "./bot.ts";
import { botDice } from "./dice.ts";
import { botPersonas, defaultPersonaFor, personaIds, resolvePersona } from "./personas.ts";
import { simulateGame } from "./simulate.ts";

/**
 * A small two-state table with a mediator: measures both ways, a compulsory court on
 * water (Downstream's case is strong), a creative option. Payoffs: water matters most to
 * Upstream, fish to Downstream (a logrolling pair); both like shared data.
 */
const riverYaml = `
id: river
title: River
dateContext: now
summary: Two neighbours and a broker.
recommended: { seats: 3, minutes: 20 }
rules: { roundLimit: 6, batnaErosionPerRound: 1, crisisThreshold: 90, agreement: { rule: all } }
parties:
  - id: up
    name: Upstream
    publicBrief: Up.
    confidentialBrief: Up secret.
    batna: 35
    payoffs:
      water: { low: 0, mid: 30, high: 60 }
      fish: { few: 20, some: 10, many: 0 }
      data: { none: 0, shared: 20 }
  - id: down
    name: Downstream
    publicBrief: Down.
    confidentialBrief: Down secret.
    batna: 35
    payoffs:
      water: { low: 20, mid: 10, high: 0 }
      fish: { few: 0, some: 30, many: 60 }
      data: { none: 0, shared: 20 }
  - id: broker
    name: Broker
    kind: mediator
    publicBrief: Neutral.
    confidentialBrief: Get a deal.
    aims: { agreementBonus: 30, tensionWeight: 0.5 }
issues:
  - id: water
    name: Water
    statusQuo: mid
    options: [{ id: low, label: Low }, { id: mid, label: Mid }, { id: high, label: High }]
    legal: { forum: court, positions: { up: high, down: low }, merits: { up: 0.3, down: 0.7 } }
  - id: fish
    name: Fish
    statusQuo: few
    options: [{ id: few, label: Few }, { id: some, label: Some }, { id: many, label: Many }]
  - id: data
    name: Data
    statusQuo: none
    options: [{ id: none, label: None }, { id: shared, label: Shared }]
forums:
  - { id: court, name: River court, jurisdiction: compulsory, roundsToRule: 2 }
creativeOptions:
  - id: fund
    name: River fund
    description: A shared fund.
    bonus: { up: 5, down: 5 }
    unlock: { trust: 45, after: [shareInterests, workshop] }
measures:
  - { id: dam, name: Cut releases, by: up, against: down, damage: { up: 2, down: 5 }, tension: 8 }
  - { id: levy, name: Levy, by: down, against: up, damage: { up: 4, down: 2 }, tension: 6 }
indicators: { trust: 35, tension: 40 }
`;

function parsed(yaml: string): Scenario {
  const result = parseScenario(yaml);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("\n"));
  return result.scenario;
}

const river = parsed(riverYaml);

function firstMove(persona: string, seat = "up"): Move | undefined {
  return decideBotMove(viewFor(initialState(river, 1), seat), persona, { dice: botDice(1, seat) })?.move;
}

function play(bots: Record<string, string>, seed = 1): GameState {
  return simulateGame({ scenario: river, seed, bots }).state;
}

const movesBy = (state: GameState, seat: string) => state.log.filter((e) => e.by === seat).map((e) => e.kind);

describe("personas", () => {
  it("each persona has a name and a one-line description for the persona picker", () => {
    for (const persona of botPersonas) {
      expect(persona.name.length).toBeGreaterThan(2);
      expect(persona.description.length).toBeGreaterThan(20);
      expect(persona.description).not.toContain("\n");
    }
    expect(botPersonas.map((p) => p.id)).toEqual(["simple", ...personaIds]);
  });

  it("'simple' (what older sessions stored) and unknown ids play the default for the seat's kind", () => {
    expect(resolvePersona("simple", "state").id).toBe("titForTat");
    expect(resolvePersona("simple", "mediator").id).toBe("mediator");
    expect(resolvePersona("simple", "ngo").id).toBe("trackTwo");
    expect(resolvePersona("no-such-persona", "state").id).toBe(defaultPersonaFor("state"));
  });
});

describe("the decision procedure", () => {
  it("is deterministic: the same view (even after a JSON round trip) gives the same decision", () => {
    let state = initialState(river, 3);
    for (let step = 0; step < 12 && state.phase === "playing"; step++) {
      for (const seat of state.seats) {
        const view = viewFor(state, seat);
        const a = decideBotMove(view, "integrator", { dice: 7 });
        const b = decideBotMove(JSON.parse(JSON.stringify(view)), "integrator", { dice: 7 });
        expect(b).toEqual(a);
      }
      const seat = state.seats[step % 2] as string;
      const decision = decideBotMove(viewFor(state, seat), "conceder", { dice: 1 });
      if (!decision) continue;
      const result = validate(state, seat, decision.move);
      if (result.ok) state = apply(state, result.event);
    }
  });

  it("decides from the view alone: another party's hidden payoffs and BATNA change nothing", () => {
    const secretive = structuredClone(river);
    const down = secretive.parties.find((p) => p.id === "down");
    if (!down?.payoffs.fish) throw new Error("fixture");
    down.batna = 5;
    down.payoffs.fish.many = 1;
    for (const persona of personaIds) {
      const a = decideBotMove(viewFor(initialState(river, 2), "up"), persona, { dice: 4 });
      const b = decideBotMove(viewFor(initialState(secretive, 2), "up"), persona, { dice: 4 });
      expect(b, persona).toEqual(a);
    }
  });

  it("a hardliner opens with an anchor at its best package", () => {
    expect(firstMove("hardliner")).toEqual({
      kind: "propose",
      to: ["down"],
      package: { options: { water: "high", fish: "few", data: "shared" }, creative: [] },
      framing: "anchor",
    });
  });

  it("an integrator opens by sharing its interests on every issue", () => {
    expect(firstMove("integrator")).toEqual({
      kind: "shareInterests",
      to: ["down"],
      issueIds: ["water", "fish", "data"],
    });
  });

  it("a Track II builder opens with a workshop", () => {
    expect(firstMove("trackTwo")).toEqual({ kind: "workshop", with: ["down"] });
  });

  it("a legalist takes a legal issue to court where its merits favour it (Downstream, 70 %), not where they do not", () => {
    expect(firstMove("legalist", "down")).toEqual({ kind: "fileClaim", issueId: "water" });
    expect(firstMove("legalist", "up")?.kind).not.toBe("fileClaim");
  });

  it("answers a claim by naming the forum whose jurisdiction it accepts or refuses (not always 'the court')", () => {
    const tribunal = parsed(
      riverYaml.replace("name: River court, jurisdiction: compulsory", "name: River tribunal, jurisdiction: consent"),
    );
    const claimed = validate(initialState(tribunal, 1), "down", { kind: "fileClaim", issueId: "water" });
    if (!claimed.ok) throw new Error(claimed.rejection.message);
    const state = apply(initialState(tribunal, 1), claimed.event);
    for (const persona of ["legalist", "hardliner"]) {
      const decision = decideBotMove(viewFor(state, "up"), persona, { dice: botDice(1, "up") });
      expect(decision?.move.kind).toBe("respondToClaim");
      expect(decision?.rationale).toMatch(/^(Accepted|Refused) the jurisdiction of the River tribunal on Water: /);
    }
  });

  it("a mediator cannot act without consent, and says so", () => {
    const decision = decideBotMove(viewFor(initialState(river, 1), "broker"), "mediator");
    expect(decision?.move).toEqual({ kind: "pass" });
    expect(decision?.rationale).toContain("cannot act without consent");
    // It passed: its reason does not claim an offer of good offices it never made.
    expect(decision?.rationale).not.toContain("Offered");
  });

  it("a party that accepts mediation invites the mediator once it offers its good offices; a hardliner does not", () => {
    const offer = (move: Move) => {
      const state = initialState(river, 1);
      const result = validate(state, "broker", move);
      if (!result.ok) throw new Error(result.rejection.message);
      return apply(state, result.event);
    };
    const decisionOf = (state: GameState, persona: string) =>
      decideBotMove(viewFor(state, "up"), persona, { dice: botDice(1, "up") });
    // Before any offer, a tit-for-tat or a conceder waits to be asked: it bargains instead.
    expect(firstMove("titForTat")?.kind).not.toBe("inviteMediator");
    expect(firstMove("conceder")?.kind).not.toBe("inviteMediator");
    for (const move of [
      { kind: "chat", text: "I am ready to help you both." },
      { kind: "backChannel", to: "up", text: "Let me carry your proposals." },
      { kind: "workshop", with: ["up", "down"] },
    ] as Move[]) {
      const state = offer(move);
      for (const persona of ["titForTat", "conceder", "legalist"]) {
        const decision = decisionOf(state, persona);
        expect(decision?.move, `${persona} after a ${move.kind}`).toEqual({ kind: "inviteMediator" });
        expect(decision?.rationale).toContain("offered its good offices in round 1");
      }
      expect(decisionOf(state, "hardliner")?.move.kind).not.toBe("inviteMediator");
    }
  });

  it("a hardliner threatens after its anchor, then escalates when its proposals are refused", () => {
    const games = [1, 2, 3, 4, 5, 6].map((seed) => play({ up: "hardliner", down: "hardliner" }, seed));
    for (const state of games) {
      const kinds = movesBy(state, "up");
      expect(kinds.indexOf("threaten")).toBeGreaterThan(kinds.indexOf("propose"));
    }
    const escalation = games
      .flatMap((state) => state.log)
      .find((e) => e.by === "up" && e.kind === "impose" && e.rationale?.includes("refused after its threat"));
    expect(escalation).toBeDefined();
  });

  it("tit-for-tat answers a threat with a threat", () => {
    const state = play({ up: "hardliner", down: "titForTat" });
    const threat = state.log.find((e) => e.by === "up" && e.kind === "threaten");
    const answer = state.log.find((e) => e.by === "down" && e.kind === "threaten");
    expect(threat).toBeDefined();
    expect(answer?.seq).toBeGreaterThan(threat?.seq ?? Number.POSITIVE_INFINITY);
    expect(answer?.rationale).toContain("tit-for-tat");
  });

  it("two integrators who share their interests logroll: water to Upstream, fish to Downstream", () => {
    const state = play({ up: "integrator", down: "integrator" });
    expect(state.outcome?.kind).toBe("agreement");
    const pkg = state.outcome?.kind === "agreement" ? state.outcome.package : undefined;
    expect(pkg?.options.water).toBe("high");
    expect(pkg?.options.fish).toBe("many");
    expect(pkg?.options.data).toBe("shared");
  });

  it("an integrator stops sharing and hardens against a side that presses it after it opened up", () => {
    const state = play({ up: "hardliner", down: "integrator" });
    const sharedWithUp = (e: GameState["log"][number]) =>
      e.by === "down" && e.kind === "shareInterests" && e.visibleTo !== "all" && e.visibleTo.includes("up");
    const opened = state.log.find(sharedWithUp);
    const pressed = state.log.find((e) => e.by === "up" && e.approach === "competitive" && e.seq > (opened?.seq ?? 0));
    expect(opened).toBeDefined();
    expect(pressed).toBeDefined();
    expect(state.log.filter((e) => sharedWithUp(e) && e.seq > (pressed?.seq ?? 0))).toEqual([]);
    expect(
      state.log.some((e) => e.by === "down" && e.seq > (pressed?.seq ?? 0) && e.rationale?.includes("exploited")),
    ).toBe(true);
  });

  it("every move a bot makes carries its reason", () => {
    for (const persona of personaIds) {
      const state = play({ up: persona, down: "titForTat" }, 5);
      const bySeats = state.log.filter((e) => e.by === "up" || e.by === "down" || e.by === "broker");
      for (const entry of bySeats) {
        if (entry.kind === "shuttle" && entry.visibleTo !== "all") continue; // the private half of a shuttle
        expect(entry.rationale, `${persona}: ${entry.text}`).toMatch(/\w{3,}/);
      }
    }
  });

  it("returns nothing once it has moved and nobody waits for its answer", () => {
    let state = initialState(river, 1);
    const decision = decideBotMove(viewFor(state, "up"), "conceder", { dice: 1 });
    const result = decision && validate(state, "up", decision.move);
    if (!result?.ok) throw new Error("first move refused");
    state = apply(state, result.event);
    expect(decideBotMove(viewFor(state, "up"), "conceder", { dice: 1 })).toBeNull();
  });
});

describe("a party's answer to a mediator's proposal", () => {
  /** Round 1 at the river with mediation active: Upstream has made its main move (the invitation). */
  function mediated(pkg: Record<string, string>): GameState {
    let state = initialState(river, 1);
    const moves: [string, Move][] = [
      ["broker", { kind: "chat", text: "I can help." }],
      ["up", { kind: "inviteMediator" }],
      ["down", { kind: "acceptMediation" }],
      ["broker", { kind: "mediatorProposal", to: ["up", "down"], package: { options: pkg, creative: [] } }],
    ];
    for (const [seat, move] of moves) state = step(state, seat, move);
    return state;
  }
  function step(state: GameState, seat: string, move: Move): GameState {
    const result = validate(state, seat, move);
    if (!result.ok) throw new Error(result.rejection.message);
    return apply(state, result.event);
  }
  const decideUp = (state: GameState) => decideBotMove(viewFor(state, "up"), "titForTat", { dice: botDice(1, "up") });

  it("tells the mediator privately, in words and no numbers, what it needs; then rejects a package it would never take", () => {
    // Low water, many fish, no data: 0 points to Upstream, far below its BATNA of 35.
    let state = mediated({ water: "low", fish: "many", data: "none" });
    const told = decideUp(state);
    expect(told?.move).toMatchObject({ kind: "chat", to: ["broker"] });
    const text = told?.move.kind === "chat" ? told.move.text : "";
    expect(text).toMatch(/^We cannot accept your proposal\. /);
    expect(text).toContain("“High” on Water in place of “Low”");
    // Its points and its no-deal value stay its own.
    expect(text).not.toMatch(/\d/);
    expect(text).not.toMatch(/BATNA|points/i);
    state = step(state, "up", told?.move as Move);
    const line = state.log[state.log.length - 1];
    expect(line?.visibleTo).toEqual(["up", "broker"]);
    // Downstream does not read it, and the mediator reads the words without the bot's reason until the end.
    expect(viewFor(state, "down").log.some((e) => e.seq === line?.seq)).toBe(false);
    expect(viewFor(state, "broker").log.find((e) => e.seq === line?.seq)?.rationale).toBeUndefined();

    const answer = decideUp(state);
    expect(answer?.move).toEqual({ kind: "reject", proposalId: state.proposals.at(-1)?.id });
    expect(answer?.rationale).toContain("below what it would take even at the end");
    state = step(state, "up", answer?.move as Move);
    expect(state.proposals.at(-1)?.status).toBe("rejected");
    expect(decideUp(state)).toBeNull();
  });

  it("lets stand a package it may take later, having said what would make it acceptable now, and accepts that", () => {
    // Mid water, few fish, shared data: 70 to Upstream, above what it would take at the end
    // (its BATNA of 35 and a premium for distrust: about 61), below its aspiration in round 1 (100).
    let state = mediated({ water: "mid", fish: "few", data: "shared" });
    const told = decideUp(state);
    const text = told?.move.kind === "chat" ? told.move.text : "";
    expect(text).toBe(
      "We cannot accept your proposal as it stands. We could accept it with “High” on Water in place of “Mid”.",
    );
    state = step(state, "up", told?.move as Move);
    // Nothing more: no rejection, and no second message about the same proposal.
    expect(decideUp(state)).toBeNull();
    expect(state.proposals.at(-1)?.status).toBe("open");

    // The mediator's next proposal, with what Upstream asked for, it accepts.
    state = step(state, "down", { kind: "pass" });
    expect(state.round).toBe(2);
    state = step(state, "broker", {
      kind: "mediatorProposal",
      to: ["up", "down"],
      package: { options: { water: "high", fish: "few", data: "shared" }, creative: [] },
    });
    expect(decideUp(state)?.move).toEqual({ kind: "accept", proposalId: state.proposals.at(-1)?.id });
  });
});
