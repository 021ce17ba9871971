import { type BotSeat, type Scenario, type SeatId, stateSeats } from "@parley/shared";
import { type Check, proportionCheck, type Scope, type Sizes } from "./checks.ts";
import { agreed, armOf, play, seedsFor, uniform } from "./experiments.ts";

export function trackTwoScope(scenario: Scenario): Scope {
  const states = stateSeats(scenario);
  const trust = (a: string, b: string) =>
    scenario.indicators.trustPairs.find((p) => p.between.includes(a) && p.between.includes(b))?.value ??
    scenario.indicators.trust;
  let lowest = 100;
  for (const a of states) for (const b of states) if (a < b) lowest = Math.min(lowest, trust(a, b));
  if (scenario.rules.agreement.rule === "qualified")
    return {
      scenarioId: scenario.id,
      applies: false,
      reason:
        "a council: a resolution needs no veto, not every member, and reciprocal members adopt one in nearly every game, so Track II has no agreements to add (reported, not required)",
    };
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
