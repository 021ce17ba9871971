import { type BotSeat, type Scenario, stateSeats } from "@parley/shared";
import { type Check, proportionCheck, type Scope, type Sizes } from "./checks.ts";
import { type Arm, agreed, armOf, play, seedsFor, uniform } from "./experiments.ts";

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
  const both = count("mediator, every state consents", armOf(scenario, "both", uniform(scenario, seek)));
  const one = count(
    "mediator invited by one state, refused by the others",
    armOf(scenario, "one", Object.fromEntries(states.map((s, i) => [s, i === 0 ? seek : refuse]))),
  );
  const base = { lesson: 2, scenarioId: scenario.id };
  return [
    proportionCheck(
      {
        ...base,
        claim: "Mediation every state consents to raises the agreement rate",
        alternative: "greater",
        expect: "effect",
      },
      both,
      nobody,
    ),
    proportionCheck(
      {
        ...base,
        claim: "Mediation every state consents to beats mediation the others refuse",
        alternative: "greater",
        expect: "effect",
      },
      both,
      one,
    ),
    proportionCheck(
      {
        ...base,
        claim: "Mediation without every state's consent does not raise the agreement rate",
        alternative: "greater",
        expect: "noEffect",
      },
      one,
      nobody,
    ),
  ];
}
