/**
 * Parley's rules module: pure, seeded and event-sourced. A game is
 * `initialState(scenario, seed)` folded over its events with `apply`; `validate` turns a
 * seat's move into an event or a reasoned rejection; `viewFor` is the only way out.
 */

export { type BotDecision, type BotPersona, botPersonas, decideBotMove } from "./bots/index.ts";
export { allPackages, aspiration, simpleBotMove } from "./bots/simple.ts";
export { nextRandom, seedToRng } from "./random/seeded.ts";
export { apply, replay } from "./rules/apply.ts";
export { meanTrust, pairKey, trustBetween } from "./rules/indicators.ts";
export { initialState, type TableSetup } from "./rules/initialState.ts";
export { approachOf, moveRules } from "./rules/moveRules.ts";
export { MoveSchema, parseMove } from "./rules/moveSchema.ts";
export { isDealParty, issueName, optionLabel, seatName } from "./rules/names.ts";
export { describePackage } from "./rules/packages.ts";
export { dealParties } from "./rules/proposals.ts";
export { activeSeats } from "./rules/rounds.ts";
export * from "./rules/types.ts";
export { availableMoves, type MoveAvailability, validate, validateSystem, whyNot } from "./rules/validate.ts";
export { analyseScenario, type ScenarioAnalysis } from "./scenario/analysis.ts";
export { checkScenario, type ScenarioCheck } from "./scenario/check.ts";
export { scenarioJsonSchema, scenarioJsonSchemaText } from "./scenario/jsonSchema.ts";
export { type LintCheck, type LintProblem, lintChecks, lintScenario } from "./scenario/lint.ts";
export {
  formatProblem,
  loadScenario,
  parseScenario,
  type ScenarioProblem,
  type ScenarioResult,
} from "./scenario/parse.ts";
export * from "./scenario/schema.ts";
export { bestPackageFor, packagePoints, pointRange } from "./scoring/points.ts";
export { type Metric, outcomePoints, type PartyScore, scoreParty, scoreTable } from "./scoring/score.ts";
export { type PublicIssue, type PublicParty, type SeatSecrets, type TableView, viewFor } from "./view/viewFor.ts";
export { viewPoints } from "./view/viewPoints.ts";
