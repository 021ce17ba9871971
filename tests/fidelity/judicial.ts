import { type BotSeat, type GameState, type Scenario, type SeatId, stateSeats } from "@parley/shared";
import { type Check, meanCheck, proportionCheck, type Scope, type Sizes } from "./checks.ts";
import { armOf, type Played, play, seedsFor } from "./experiments.ts";

/** The state with the strongest case on a legal issue that a binding forum can rule on in time. */
export function litigant(scenario: Scenario): { seat: SeatId; issueId: string; compulsory: boolean } | undefined {
  let best: { seat: SeatId; issueId: string; compulsory: boolean; merits: number } | undefined;
  for (const issue of scenario.issues) {
    const legal = issue.legal;
    const forum = scenario.forums.find((f) => f.id === legal?.forum);
    if (!legal || !forum || forum.binding === false || 1 + forum.roundsToRule > scenario.rules.roundLimit) continue;
    for (const [seat, merits] of Object.entries(legal.merits)) {
      if (merits > 0.5 && (!best || merits > best.merits)) {
        best = { seat, issueId: issue.id, compulsory: forum.jurisdiction === "compulsory", merits };
      }
    }
  }
  return best && { seat: best.seat, issueId: best.issueId, compulsory: best.compulsory };
}

export function judicialScope(scenario: Scenario): Scope {
  const found = litigant(scenario);
  if (!found) {
    return { scenarioId: scenario.id, applies: false, reason: "no legal issue a binding forum can rule on in time" };
  }
  return {
    scenarioId: scenario.id,
    applies: found.compulsory,
    reason: found.compulsory
      ? `a compulsory, binding forum on ${found.issueId}, where ${found.seat} has the stronger case`
      : `the forum on ${found.issueId} needs the respondent's consent, and every persona but the conceder and the legalist refuses it with so weak a case (see the numbers)`,
  };
}

/** The respondents of the judicial experiment: hardliners, who rarely settle by agreement. */
export const respondentPersona = "hardliner";

export function lessonFour(scenario: Scenario, sizes: Sizes): Check[] {
  const found = litigant(scenario);
  if (!found) return [];
  const seeds = seedsFor(sizes.seed, `${scenario.id}/judicial`, sizes.arm);
  const states = stateSeats(scenario);
  const withLitigant = (litigantSeat: BotSeat, respondent: BotSeat) =>
    Object.fromEntries(states.map((s) => [s, s === found.seat ? litigantSeat : respondent]));
  const legalist: BotSeat = { persona: "legalist" };
  const quiet: BotSeat = { persona: "legalist", overrides: { litigatesFromMerits: null } };
  const defiant: BotSeat = { persona: respondentPersona, overrides: { defiesRulings: true } };
  const compliant: BotSeat = { persona: respondentPersona, overrides: { defiesRulings: false } };
  const litigated = play(scenario, armOf(scenario, "litigates", withLitigant(legalist, defiant)), seeds);
  const negotiated = play(scenario, armOf(scenario, "does not", withLitigant(quiet, defiant)), seeds);
  const complied = play(scenario, armOf(scenario, "complies", withLitigant(legalist, compliant)), seeds);
  const base = { lesson: 4, scenarioId: scenario.id };

  // (a) A binding outcome on the issue at the end: an agreement, or a binding ruling.
  const settled = (p: Played) =>
    p.state.outcome?.kind === "agreement" ||
    p.state.families.claims.some((c) => c.issueId === found.issueId && c.status === "ruled" && c.ruling?.binding);
  const a = proportionCheck(
    {
      ...base,
      claim: `Taking ${found.issueId} to court gives it a binding outcome more often than negotiating alone`,
      alternative: "greater",
      expect: "effect",
    },
    { label: "legalist litigates", games: litigated.map((p) => p.result), count: litigated.filter(settled).length },
    {
      label: "legalist does not litigate",
      games: negotiated.map((p) => p.result),
      count: negotiated.filter(settled).length,
    },
  );

  // (b) The change in tension over the round a ruling came in, against the same round without a case.
  const tensionAt = (state: GameState, round: number) =>
    state.history.find((h) => h.round === round)?.indicators.tension;
  const rulingRounds = litigated.flatMap((p) =>
    p.state.families.claims
      .filter((c) => c.status === "ruled" && c.ruling)
      .map((c) => ({ p, round: c.ruling?.round ?? 0 })),
  );
  const withRuling: number[] = [];
  for (const { p, round } of rulingRounds) {
    const before = tensionAt(p.state, round - 1);
    const after = tensionAt(p.state, round);
    if (before !== undefined && after !== undefined) withRuling.push(after - before);
  }
  const rounds = [...new Set(rulingRounds.map((r) => r.round))];
  const without: number[] = [];
  for (const p of negotiated) {
    for (const round of rounds) {
      const before = tensionAt(p.state, round - 1);
      const after = tensionAt(p.state, round);
      if (before !== undefined && after !== undefined && p.state.round > round) without.push(after - before);
    }
  }
  const b = meanCheck(
    { ...base, claim: "A ruling raises tension over the round it comes in", alternative: "greater", expect: "effect" },
    { label: "rounds with a ruling", values: withRuling },
    { label: "the same rounds, no case", values: without },
  );

  // (c) The losing respondent's legitimacy at the end: defying against complying.
  const loserLegitimacy = (games: Played[]) =>
    games.flatMap((p) =>
      p.state.families.claims
        .filter((c) => c.status === "ruled" && c.ruling?.binding && c.ruling.favours === c.claimant)
        .flatMap((c) => c.respondents.map((r) => p.state.indicators.legitimacy[r] ?? 50)),
    );
  const c = meanCheck(
    {
      ...base,
      claim: "A state that defies a ruling against it ends with less legitimacy than one that complies",
      alternative: "less",
      expect: "effect",
    },
    { label: "losing respondent defies", values: loserLegitimacy(litigated) },
    { label: "losing respondent complies", values: loserLegitimacy(complied) },
  );
  return [a, b, c];
}
