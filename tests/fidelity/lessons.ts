import {
  type BotSeat,
  botPersonas,
  type GameResult,
  type GameState,
  gameResult,
  type Scenario,
  type SeatId,
  simulateGame,
  stateSeats,
} from "@parley/shared";
import { type Arm, agreed, cell, type RoundRobin, seedsFor, statePersonas } from "./experiments.ts";
import { type Alternative, sampleOf, twoProportionTest, welchTest } from "./stats.ts";

/** The significance level of every check (one-sided), and of each Holm family. */
export const alpha = 0.05;

export interface Measure {
  label: string;
  n: number;
  /** A mean, or a rate for proportion tests. */
  value: number;
  sd?: number;
}

export interface Check {
  lesson: number;
  scenarioId: string;
  claim: string;
  test: "two-proportion z" | "Welch t";
  alternative: Alternative;
  a: Measure;
  b: Measure;
  statistic: number;
  p: number;
  /** "effect": holds when significant; "noEffect": holds when not significant (the lesson says there is none). */
  expect: "effect" | "noEffect";
  holds: boolean;
}

export interface Scope {
  scenarioId: string;
  applies: boolean;
  reason: string;
}

export interface LessonResult {
  lesson: number;
  title: string;
  scope: Scope[];
  checks: Check[];
  games: number;
}

export interface Sizes {
  /** Also run the experiments whose checks are reported but not required (`npm run fidelity` does). */
  reported?: boolean;
  /** Games per round-robin cell (lessons 1, 3 and 6). */
  roundRobin: number;
  /** Games per arm of the dedicated experiments (lessons 2, 4 and 5). */
  arm: number;
  seed: number;
}

function proportionCheck(
  base: Omit<Check, "test" | "statistic" | "p" | "holds" | "a" | "b">,
  a: { label: string; games: readonly GameResult[]; count: number },
  b: { label: string; games: readonly GameResult[]; count: number },
): Check {
  const result = twoProportionTest(a.count, a.games.length, b.count, b.games.length, base.alternative);
  const significant = result.p < alpha;
  return {
    ...base,
    test: "two-proportion z",
    a: { label: a.label, n: a.games.length, value: a.count / Math.max(1, a.games.length) },
    b: { label: b.label, n: b.games.length, value: b.count / Math.max(1, b.games.length) },
    statistic: result.statistic,
    p: result.p,
    holds: base.expect === "effect" ? significant : !significant,
  };
}

function meanCheck(
  base: Omit<Check, "test" | "statistic" | "p" | "holds" | "a" | "b">,
  a: { label: string; values: readonly number[] },
  b: { label: string; values: readonly number[] },
): Check {
  const result = welchTest(a.values, b.values, base.alternative);
  const significant = result.p < alpha;
  const da = sampleOf(a.values);
  const db = sampleOf(b.values);
  return {
    ...base,
    test: "Welch t",
    a: { label: a.label, n: da.n, value: da.mean, sd: da.sd },
    b: { label: b.label, n: db.n, value: db.mean, sd: db.sd },
    statistic: result.statistic,
    p: result.p,
    holds: base.expect === "effect" ? significant : !significant,
  };
}

const num = (values: readonly (number | null)[]) => values.map((v) => v ?? 0);

// ---- Lesson 1 -------------------------------------------------------------------------------

export const lessonTitles: Record<number, string> = {
  1: "Competitive bargaining claims more against a cooperative counterpart, but costs trust, tension and joint value; two hardliners agree least often",
  2: "Mediation raises the agreement rate between distrustful parties only when both consent",
  3: "Two integrators come closest to the Pareto frontier",
  4: "Judicial settlement settles the legal issue it is seized of with a binding outcome; an unfavourable ruling raises tension; defiance costs legitimacy",
  5: "Track II measures early raise the later agreement rate",
  6: "No persona wins under both lenses in every scenario",
};

/**
 * Lesson 1's first half: a hardliner (at each state's seat in turn) among cooperative
 * states, against a table of cooperative states only. The share claim is tested against
 * the conceder, the counterpart that cooperates unconditionally; an integrator guards
 * itself against exploitation (as it must), so the share it concedes is reported, not
 * required.
 */
export function lessonOneCosts(scenario: Scenario, sizes: Sizes): Check[] {
  const id = scenario.id;
  const states = stateSeats(scenario);
  const seeds = seedsFor(sizes.seed, `${id}/competitive`, Math.max(8, Math.round(sizes.arm / states.length)));
  const checks: Check[] = [];
  for (const cooperative of ["conceder", "integrator"]) {
    const hc = states.flatMap((seat) =>
      play(
        scenario,
        armOf(
          scenario,
          `hardliner at ${seat}`,
          Object.fromEntries(states.map((s) => [s, s === seat ? "hardliner" : cooperative])),
        ),
        seeds,
      ).map((p) => ({ p, seat })),
    );
    // Cooperative states only, as many games as the hardliner's arms together; each game is
    // read from one seat, the seats in turn, so that every value is an independent game.
    const together = play(
      scenario,
      armOf(scenario, "all cooperative", uniform(scenario, cooperative)),
      seedsFor(sizes.seed, `${id}/cooperative`, seeds.length * states.length),
    );
    const cc = together.map((p, i) => ({ p, seat: states[i % states.length] as SeatId }));
    const seatOf = (r: { p: Played; seat: SeatId }) => r.p.result.seats.find((x) => x.seat === r.seat);
    const share = (r: { p: Played; seat: SeatId }) => {
      const mine = seatOf(r)?.normalised ?? 0;
      const others = r.p.result.seats.filter((x) => x.seat !== r.seat);
      return mine - others.reduce((sum, x) => sum + (x.normalised ?? 0), 0) / Math.max(1, others.length);
    };
    const a = `a hardliner among ${cooperative}s`;
    const b = `${cooperative}s only`;
    const base = { lesson: 1, scenarioId: id, expect: "effect" as const };
    const shareCheck = meanCheck(
      {
        ...base,
        claim: `Among ${cooperative}s, a hardliner claims a larger share (its score minus theirs)`,
        alternative: "greater",
      },
      { label: a, values: hc.map(share) },
      { label: `the same seat, ${b}`, values: cc.map(share) },
    );
    checks.push(
      cooperative === "conceder"
        ? shareCheck
        : { ...shareCheck, claim: `(reported, not required) ${shareCheck.claim}` },
      meanCheck(
        { ...base, claim: `...but ends with lower trust (among ${cooperative}s)`, alternative: "less" },
        { label: a, values: hc.map((r) => seatOf(r)?.trust ?? 0) },
        { label: `the same seat, ${b}`, values: cc.map((r) => seatOf(r)?.trust ?? 0) },
      ),
      meanCheck(
        { ...base, claim: `...higher tension (among ${cooperative}s)`, alternative: "greater" },
        { label: a, values: hc.map((r) => r.p.result.tension) },
        { label: b, values: together.map((p) => p.result.tension) },
      ),
      meanCheck(
        { ...base, claim: `...and lower joint value (efficiency, among ${cooperative}s)`, alternative: "less" },
        { label: a, values: num(hc.map((r) => r.p.result.efficiency)) },
        { label: b, values: num(together.map((p) => p.result.efficiency)) },
      ),
    );
  }
  return checks;
}

export function lessonOne(robin: RoundRobin): Check[] {
  const { scenario } = robin;
  const id = scenario.id;
  const checks: Check[] = [];
  // Hardliners facing hardliners agree least often: less often than the tables without a
  // hardliner taken together, and no table agrees significantly less often than they do.
  const hh = cell(robin, "hardliner", "hardliner");
  const withoutHardliner = statePersonas
    .filter((p) => p !== "hardliner")
    .flatMap((focal) => statePersonas.filter((p) => p !== "hardliner").map((others) => cell(robin, focal, others)))
    .flat();
  const hhArm = { label: "hardliners only", games: hh, count: agreed(hh) };
  checks.push(
    proportionCheck(
      {
        lesson: 1,
        scenarioId: id,
        claim: "Hardliners facing hardliners agree less often than tables without a hardliner",
        alternative: "less",
        expect: "effect",
      },
      hhArm,
      { label: "tables without a hardliner", games: withoutHardliner, count: agreed(withoutHardliner) },
    ),
  );
  for (const focal of statePersonas) {
    for (const others of statePersonas) {
      if (focal === "hardliner" && others === "hardliner") continue;
      const games = cell(robin, focal, others);
      checks.push(
        proportionCheck(
          {
            lesson: 1,
            scenarioId: id,
            claim: `No table agrees less often than hardliners only (${focal} vs ${others})`,
            alternative: "less",
            expect: "noEffect",
          },
          { label: `${focal} vs ${others}`, games, count: agreed(games) },
          hhArm,
        ),
      );
    }
  }
  return checks;
}

// ---- Lesson 3 -------------------------------------------------------------------------------

export function lessonThree(robin: RoundRobin): Check[] {
  const { scenario } = robin;
  const ii = cell(robin, "integrator", "integrator");
  const efficiency = (games: readonly GameResult[]) => num(games.map((g) => g.efficiency));
  const distance = (games: readonly GameResult[]) => num(games.map((g) => g.distanceToFrontier));
  const withoutIntegrator = statePersonas
    .filter((p) => p !== "integrator")
    .flatMap((focal) => statePersonas.filter((p) => p !== "integrator").map((others) => cell(robin, focal, others)))
    .flat();
  const base = { lesson: 3, scenarioId: scenario.id };
  const checks: Check[] = [
    meanCheck(
      {
        ...base,
        claim: "Two integrators end closer to the Pareto frontier than tables without an integrator",
        alternative: "less",
        expect: "effect",
      },
      { label: "integrator vs integrator", values: distance(ii) },
      { label: "tables without an integrator", values: distance(withoutIntegrator) },
    ),
    meanCheck(
      {
        ...base,
        claim: "Two integrators reach higher joint efficiency than tables without an integrator",
        alternative: "greater",
        expect: "effect",
      },
      { label: "integrator vs integrator", values: efficiency(ii) },
      { label: "tables without an integrator", values: efficiency(withoutIntegrator) },
    ),
  ];
  for (const focal of statePersonas) {
    for (const others of statePersonas) {
      if (focal === "integrator" && others === "integrator") continue;
      const label = `${focal} vs ${others}`;
      const games = cell(robin, focal, others);
      checks.push(
        meanCheck(
          {
            ...base,
            claim: `No table ends closer to the frontier than two integrators (${label})`,
            alternative: "less",
            expect: "noEffect",
          },
          { label, values: distance(games) },
          { label: "integrator vs integrator", values: distance(ii) },
        ),
      );
      const more = meanCheck(
        {
          ...base,
          claim: `(reported, not required) No table is more efficient than two integrators (${label})`,
          alternative: "greater",
          expect: "noEffect",
        },
        { label, values: efficiency(games) },
        { label: "integrator vs integrator", values: efficiency(ii) },
      );
      checks.push(more);
    }
  }
  return checks;
}

// ---- Lesson 6 -------------------------------------------------------------------------------

/** "Hardliner", "Track II builder": a persona's name from the persona table. */
function displayName(persona: string): string {
  return botPersonas.find((p) => p.id === persona)?.name ?? persona;
}

/**
 * For each persona, a witness that it does not win everywhere: a scenario and a lens where
 * another persona's mean score is significantly higher (Bonferroni over the persona's
 * candidate witnesses). The check reported is the strongest witness.
 */
export function lessonSix(robins: readonly RoundRobin[]): Check[] {
  const checks: Check[] = [];
  const candidates = robins.length * 2 * (statePersonas.length - 1);
  for (const persona of statePersonas) {
    let best: Check | undefined;
    for (const robin of robins) {
      const seatScores = (name: string, lens: "realist" | "liberal") =>
        [...robin.cells.values()].flatMap((games) =>
          games.flatMap((g) => g.seats.filter((s) => s.persona === name).map((s) => s[lens] ?? 0)),
        );
      for (const lens of ["realist", "liberal"] as const) {
        const mine = seatScores(persona, lens);
        for (const other of statePersonas) {
          if (other === persona) continue;
          const check = meanCheck(
            {
              lesson: 6,
              scenarioId: robin.scenario.id,
              claim: `${displayName(persona)} does not win everywhere: under the ${lens} lens ${displayName(other)} scores higher`,
              alternative: "greater",
              expect: "effect",
            },
            { label: `${other} (${lens})`, values: seatScores(other, lens) },
            { label: `${persona} (${lens})`, values: mine },
          );
          if (!best || check.p < best.p) best = check;
        }
      }
    }
    if (best) checks.push({ ...best, holds: best.p < alpha / candidates, test: "Welch t" });
  }
  return checks;
}

/** The persona with the highest mean score under each lens in each scenario (descriptive). */
export function lensWinners(robins: readonly RoundRobin[]) {
  return robins.map((robin) => {
    const mean = (name: string, lens: "realist" | "liberal") =>
      sampleOf(
        [...robin.cells.values()].flatMap((games) =>
          games.flatMap((g) => g.seats.filter((s) => s.persona === name).map((s) => s[lens] ?? 0)),
        ),
      ).mean;
    const winner = (lens: "realist" | "liberal") =>
      [...statePersonas].sort((a, b) => mean(b, lens) - mean(a, lens))[0] as string;
    return {
      scenarioId: robin.scenario.id,
      realist: winner("realist"),
      liberal: winner("liberal"),
      means: Object.fromEntries(
        statePersonas.map((p) => [p, { realist: mean(p, "realist"), liberal: mean(p, "liberal") }]),
      ),
    };
  });
}

// ---- Dedicated experiments ------------------------------------------------------------------

interface Played {
  result: GameResult;
  state: GameState;
}

/** Plays an arm and keeps each game's final state (for measures the tournament does not keep). */
function play(scenario: Scenario, arm: Arm, seeds: readonly number[]): Played[] {
  return seeds.map((seed) => {
    const bots: Record<SeatId, string | BotSeat> = { ...arm.assignment, ...arm.bots };
    const game = simulateGame({ scenario, seed, bots, seats: arm.seats });
    const result = gameResult(scenario.id, seed, arm.assignment, game.state, {
      illegal: game.illegal.length,
      events: game.events.length,
    });
    return { result, state: game.state };
  });
}

const uniform = (scenario: Scenario, persona: string | BotSeat) =>
  Object.fromEntries(stateSeats(scenario).map((s) => [s, persona]));

const personaOf = (seat: string | BotSeat) => (typeof seat === "string" ? seat : seat.persona);

function armOf(scenario: Scenario, label: string, bots: Record<SeatId, string | BotSeat>, seats?: SeatId[]): Arm {
  return {
    label,
    assignment: Object.fromEntries(stateSeats(scenario).map((s) => [s, personaOf(bots[s] ?? "")])),
    bots,
    seats,
  };
}

// ---- Lesson 2 -------------------------------------------------------------------------------

/** The parties of the mediation experiment: the default persona of a state seat. */
export const mediationPersona = "titForTat";

export function mediationScope(scenario: Scenario): Scope {
  const mediator = scenario.parties.some((p) => p.kind === "mediator");
  return {
    scenarioId: scenario.id,
    applies: mediator,
    reason: mediator
      ? `a mediator's seat; the states start at trust ${scenario.indicators.trust}`
      : "no mediator's seat, so nobody can mediate",
  };
}

export function lessonTwo(scenario: Scenario, sizes: Sizes): Check[] {
  const seeds = seedsFor(sizes.seed, `${scenario.id}/mediation`, sizes.arm);
  const seek: BotSeat = { persona: mediationPersona, overrides: { mediation: "seek" } };
  const refuse: BotSeat = { persona: mediationPersona, overrides: { mediation: "refuse" } };
  const states = stateSeats(scenario);
  const count = (label: string, arm: Arm) => {
    const games = play(scenario, arm, seeds).map((p) => p.result);
    return { label, games, count: agreed(games) };
  };
  const nobody = count("mediator present, nobody consents", armOf(scenario, "nobody", uniform(scenario, refuse)));
  const both = count("mediator, both consent", armOf(scenario, "both", uniform(scenario, seek)));
  const one = count(
    "mediator invited by one side, refused by the other",
    armOf(scenario, "one", Object.fromEntries(states.map((s, i) => [s, i === 0 ? seek : refuse]))),
  );
  const base = { lesson: 2, scenarioId: scenario.id };
  return [
    proportionCheck(
      {
        ...base,
        claim: "Mediation both sides consent to raises the agreement rate",
        alternative: "greater",
        expect: "effect",
      },
      both,
      nobody,
    ),
    proportionCheck(
      {
        ...base,
        claim: "Mediation both sides consent to beats mediation one side refuses",
        alternative: "greater",
        expect: "effect",
      },
      both,
      one,
    ),
    proportionCheck(
      {
        ...base,
        claim: "Mediation without one side's consent does not raise the agreement rate",
        alternative: "greater",
        expect: "noEffect",
      },
      one,
      nobody,
    ),
  ];
}

// ---- Lesson 4 -------------------------------------------------------------------------------

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

// ---- Lesson 5 -------------------------------------------------------------------------------

export function trackTwoScope(scenario: Scenario): Scope {
  const states = stateSeats(scenario);
  const trust = (a: string, b: string) =>
    scenario.indicators.trustPairs.find((p) => p.between.includes(a) && p.between.includes(b))?.value ??
    scenario.indicators.trust;
  let lowest = 100;
  for (const a of states) for (const b of states) if (a < b) lowest = Math.min(lowest, trust(a, b));
  return {
    scenarioId: scenario.id,
    applies: lowest < 50,
    reason:
      lowest < 50
        ? `distrust to overcome: the least trusting pair of states starts at ${lowest}`
        : `the states start at trust ${lowest} or more: no distrust for Track II to repair`,
  };
}

/**
 * Lesson 5: the same states (the default persona, tit-for-tat) with and without Track II
 * measures in the first two rounds; where NGOs sit at the table, their facilitation too.
 * A single Track II builder facing hardliners is reported as well.
 */
export function lessonFive(scenario: Scenario, sizes: Sizes): Check[] {
  const seeds = seedsFor(sizes.seed, `${scenario.id}/trackTwo`, sizes.arm);
  const states = stateSeats(scenario);
  const base = { lesson: 5, scenarioId: scenario.id, alternative: "greater" as const, expect: "effect" as const };
  const agreements = (label: string, bots: Record<SeatId, string | BotSeat>) => {
    const games = play(scenario, armOf(scenario, label, bots), seeds).map((p) => p.result);
    return { label, games, count: agreed(games) };
  };
  const reciprocal = { persona: "titForTat" };
  const early = agreements(
    "Track II in rounds 1–2",
    uniform(scenario, { persona: "titForTat", overrides: { trackTwoRounds: 2 } }),
  );
  const none = agreements("no early Track II", uniform(scenario, reciprocal));
  const checks = [
    proportionCheck(
      { ...base, claim: "States that open with Track II measures reach agreement more often" },
      early,
      none,
    ),
  ];
  const ngos = scenario.parties.filter((p) => p.kind === "ngo").map((p) => p.id);
  if (ngos.length > 0) {
    const facilitation = (on: boolean) =>
      agreements(on ? "NGOs facilitate" : "NGOs stay quiet", {
        ...uniform(scenario, reciprocal),
        ...Object.fromEntries(
          ngos.map((n) => [n, { persona: "trackTwo", overrides: on ? {} : { trackTwoRounds: 0 } }]),
        ),
      });
    checks.push(
      proportionCheck(
        { ...base, claim: "NGO workshops and back channels in the first half raise the states' agreement rate" },
        facilitation(true),
        facilitation(false),
      ),
    );
  }
  if (!sizes.reported) return checks;
  const facing = (builder: BotSeat, label: string) =>
    agreements(label, Object.fromEntries(states.map((s, i) => [s, i === 0 ? builder : { persona: "hardliner" }])));
  const unilateral = proportionCheck(
    {
      ...base,
      claim: "(reported, not required) A Track II builder facing hardliners agrees more often with its early Track II",
    },
    facing({ persona: "trackTwo" }, "builder, Track II in rounds 1–2"),
    facing({ persona: "trackTwo", overrides: { trackTwoRounds: 0 } }, "builder without early Track II"),
  );
  return [...checks, unilateral];
}
