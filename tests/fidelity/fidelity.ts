import type { Scenario } from "@parley/shared";
import { type RoundRobin, roundRobin } from "./experiments.ts";
import {
  type Check,
  judicialScope,
  lessonFive,
  lessonFour,
  lessonOne,
  lessonOneCosts,
  lessonSix,
  lessonThree,
  lessonTwo,
  mediationScope,
  type Scope,
  type Sizes,
  trackTwoScope,
} from "./lessons.ts";

/** Sample sizes: `quick` runs in `npm test`, `full` in `npm run fidelity`. */
export const quickSizes: Sizes = { roundRobin: 30, arm: 150, seed: 2026 };
export const fullSizes: Sizes = { roundRobin: 150, arm: 500, seed: 2026, reported: true };

/** Fewer round-robin games for the eight-seat Security Council, whose games cost ten times as much. */
export function sizesFor(scenario: Scenario, sizes: Sizes): Sizes {
  const states = scenario.parties.filter((p) => p.kind === "state").length;
  if (states <= 3) return sizes;
  return {
    ...sizes,
    roundRobin: Math.max(12, Math.round(sizes.roundRobin / 3)),
    arm: Math.max(60, Math.round(sizes.arm / 2)),
  };
}

export interface ScenarioFidelity {
  scenario: Scenario;
  robin: RoundRobin;
  scopes: Record<number, Scope>;
  checks: Check[];
}

const everywhere = (scenario: Scenario, reason: string): Scope => ({ scenarioId: scenario.id, applies: true, reason });

const outsideScope = (check: Check): Check => ({ ...check, claim: `(outside the lesson's scope) ${check.claim}` });

/**
 * Lesson 3 is about bargaining to a package every state accepts. Under a qualified
 * majority a package passes over the members who vote against it or abstain, and binds
 * them, so distance to the frontier measures the vote rather than the bargaining.
 */
function integrativeScope(scenario: Scenario): Scope {
  const unanimous = scenario.rules.agreement.rule === "all";
  return {
    scenarioId: scenario.id,
    applies: unanimous,
    reason: unanimous
      ? "every state must accept the package, and the issues weigh differently for different states"
      : "a qualified majority: a package passes over members who vote against it or abstain, and binds them (reported, not required)",
  };
}

/** Lessons 1 to 5 for one scenario (lesson 6 needs every scenario's round robin). */
export function scenarioFidelity(scenario: Scenario, base: Sizes): ScenarioFidelity {
  const sizes = sizesFor(scenario, base);
  const robin = roundRobin(scenario, sizes.roundRobin, sizes.seed);
  const scopes: Record<number, Scope> = {
    1: everywhere(scenario, "every scenario allows anchors, ultimatums and withholding; measures where it has them"),
    2: mediationScope(scenario),
    3: integrativeScope(scenario),
    4: judicialScope(scenario),
    5: trackTwoScope(scenario),
  };
  const checks = [
    ...lessonOneCosts(scenario, sizes),
    ...lessonOne(robin),
    ...(scopes[2]?.applies ? lessonTwo(scenario, sizes) : []),
    ...(scopes[3]?.applies ? lessonThree(robin) : lessonThree(robin).map(outsideScope)),
    ...litigantChecks(scenario, sizes, scopes[4]),
    ...(scopes[5]?.applies
      ? lessonFive(scenario, sizes)
      : scopes[5]?.reason.startsWith("a council")
        ? lessonFive(scenario, sizes).map(outsideScope)
        : []),
  ];
  return { scenario, robin, scopes, checks };
}

/** Judicial checks run wherever a binding forum exists; they count only where the lesson applies. */
function litigantChecks(scenario: Scenario, sizes: Sizes, scope: Scope | undefined): Check[] {
  if (!scope || scope.reason.startsWith("no legal issue")) return [];
  const checks = lessonFour(scenario, sizes);
  return scope.applies ? checks : checks.map(outsideScope);
}

export function lessonSixChecks(results: readonly ScenarioFidelity[]): Check[] {
  return lessonSix(results.map((r) => r.robin));
}

/** Whether a check counts towards the lesson (checks outside its scope, or marked so, are reported only). */
export function required(check: Check): boolean {
  return !check.claim.startsWith("(outside") && !check.claim.startsWith("(reported");
}
