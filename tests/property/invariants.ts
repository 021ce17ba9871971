import {
  type GameState,
  isDealParty,
  packagePoints,
  pointRange,
  type SeatId,
  scoreTable,
  tableReport,
  viewFor,
} from "@parley/shared";
import { expect } from "vitest";

const inBounds = (value: number) => value >= 0 && value <= 100;

/** Every rule of a well-formed table state; throws (via expect) on the first one broken. */
export function checkStateInvariants(state: GameState): void {
  const { indicators, scenario } = state;
  for (const [pair, value] of Object.entries(indicators.trust))
    expect(inBounds(value), `trust ${pair} = ${value}`).toBe(true);
  expect(inBounds(indicators.tension), `tension = ${indicators.tension}`).toBe(true);
  for (const [seat, value] of Object.entries(indicators.legitimacy)) {
    expect(inBounds(value), `legitimacy ${seat} = ${value}`).toBe(true);
  }

  // The game has an outcome exactly when it has ended, and at most one accepted proposal, which is the agreement.
  expect(state.phase === "ended").toBe(state.outcome !== undefined);
  const accepted = state.proposals.filter((p) => p.status === "accepted");
  expect(accepted.length).toBeLessThanOrEqual(1);
  if (state.outcome?.kind === "agreement") {
    expect(accepted.map((p) => p.id)).toEqual([state.outcome.proposalId]);
  } else {
    expect(accepted).toEqual([]);
  }
  if (state.phase === "ended") expect(state.proposals.filter((p) => p.status === "open")).toEqual([]);

  expect(state.round).toBeGreaterThanOrEqual(1);
  expect(state.round).toBeLessThanOrEqual(scenario.rules.roundLimit);
  expect(new Set(state.acted).size).toBe(state.acted.length);
  for (const seat of state.acted) expect(state.seats).toContain(seat);

  for (const measure of scenario.measures) {
    const level = state.families.measures[measure.id] ?? 0;
    expect(level >= 0 && level <= measure.maxLevel, `${measure.id} at ${level}`).toBe(true);
  }

  // Binding rulings are kept by the agreement and by every open proposal.
  for (const claim of state.families.claims) {
    if (claim.status === "ruled") expect(claim.ruling).toBeDefined();
    if (claim.status === "pending") expect(claim.rulesInRound).toBeDefined();
    if (claim.status !== "ruled" || !claim.ruling?.binding) continue;
    const kept = claim.ruling.optionId;
    if (state.outcome?.kind === "agreement") expect(state.outcome.package.options[claim.issueId]).toBe(kept);
    for (const p of state.proposals.filter((x) => x.status === "open")) {
      expect(p.package.options[claim.issueId]).toBe(kept);
    }
  }
  expect(state.families.claims.filter((c) => c.status === "ruled").map((c) => c.issueId)).toEqual([
    ...new Set(state.families.claims.filter((c) => c.status === "ruled").map((c) => c.issueId)),
  ]);

  const { mediation, arbitration, unlocked } = state.families;
  for (const seat of mediation.invitedBy) expect(mediation.consented).toContain(seat);
  expect(new Set(arbitration.consented).size).toBe(arbitration.consented.length);
  expect(new Set(unlocked).size).toBe(unlocked.length);
  for (const id of unlocked) expect(scenario.creativeOptions.map((c) => c.id)).toContain(id);
  // An agreement only names creative options that had been unlocked.
  if (state.outcome?.kind === "agreement") {
    for (const id of state.outcome.package.creative ?? []) expect(unlocked).toContain(id);
  }

  // The value ledger explains every value: initial BATNA + recorded changes = BATNA now, or,
  // for a party to the agreement, the agreement's points.
  for (const seat of state.seats) {
    const initial = scenario.parties.find((p) => p.id === seat)?.batna ?? 0;
    const total = state.valueChanges.filter((v) => v.seat === seat).reduce((s, v) => s + v.delta, initial);
    const outcome = state.outcome;
    const expected =
      outcome?.kind === "agreement" && outcome.parties.includes(seat)
        ? packagePoints(scenario, seat, outcome.package)
        : (state.batna[seat] ?? 0);
    expect(total).toBeCloseTo(expected, 6);
  }

  const rounds = state.history.map((h) => h.round);
  expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
  expect(new Set(rounds).size).toBe(rounds.length);
}

/** Scores agree with the final state. */
export function checkScoreInvariants(state: GameState): void {
  const scores = scoreTable(state);
  const report = tableReport(state);
  for (const score of scores) {
    const party = state.scenario.parties.find((p) => p.id === score.seat);
    if (!isDealParty(state, score.seat)) continue;
    const inDeal = state.outcome?.kind === "agreement" && state.outcome.parties.includes(score.seat);
    const expected =
      inDeal && state.outcome?.kind === "agreement"
        ? packagePoints(state.scenario, score.seat, state.outcome.package)
        : (state.batna[score.seat] ?? 0);
    expect(score.points).toBe(expected);
    expect(score.surplus).toBeCloseTo(score.points - (state.batna[score.seat] ?? 0), 9);
    if (score.normalised.defined) expect(inBounds(score.normalised.value)).toBe(true);
    // What each cause gained adds up to the points minus the initial BATNA.
    const gains = Object.values(report.approaches[score.seat]?.gains ?? {}).reduce((s, v) => s + v, 0);
    expect(gains).toBeCloseTo(score.points - (party?.batna ?? 0), 6);
  }
  const joint = report.parties.reduce((s, seat) => s + (scores.find((x) => x.seat === seat)?.points ?? 0), 0);
  expect(report.jointPoints).toBeCloseTo(joint, 9);
  // When every state is bound by the agreement, no package beats the best joint outcome.
  // (Under a qualified-majority rule an outsider keeps its BATNA, which may be higher.)
  const everyoneBound = report.parties.every(
    (seat) => state.outcome?.kind === "agreement" && state.outcome.parties.includes(seat),
  );
  if (everyoneBound) {
    expect(report.jointPoints).toBeLessThanOrEqual(report.bestJointPoints + 1e-9);
  }
  if (report.distanceToFrontier.defined) {
    expect(report.distanceToFrontier.value === 0).toBe(report.onFrontier);
  }
  if (report.nash.defined) {
    for (const seat of report.parties) {
      expect(report.nash.points[seat] ?? 0).toBeGreaterThan(state.batna[seat] ?? 0);
    }
    for (const seat of report.parties) {
      expect(packagePoints(state.scenario, seat, report.nash.package)).toBe(report.nash.points[seat]);
      expect(report.nash.points[seat] ?? 0).toBeLessThanOrEqual(pointRange(state.scenario, seat).best);
    }
  }
}

/** A seat's view holds nothing it may not see. */
export function checkViewInvariants(state: GameState, seat: SeatId): void {
  const view = viewFor(state, seat);
  expect(view.secrets).toBeUndefined();
  expect(view.me?.seat).toBe(seat);
  for (const [owner, issues] of Object.entries(view.revealedToViewer)) {
    const shared = state.families.revealed[owner]?.[seat] ?? [];
    for (const issue of Object.keys(issues)) expect(shared).toContain(issue);
  }
  for (const entry of view.log) {
    if (entry.visibleTo !== "all") expect(entry.visibleTo).toContain(seat);
  }
  if (state.phase === "playing") {
    expect(view.scores).toBeUndefined();
    expect(view.report).toBeUndefined();
    for (const party of view.parties) {
      if (party.controller.type === "bot") expect(party.controller.persona).toBeUndefined();
    }
  }
  for (const claim of view.claims) {
    for (const other of Object.keys(claim.batnaShift)) expect(other).toBe(seat);
  }
}
