/**
 * Parley's rules module: pure, seeded and event-sourced. A game is
 * `initialState(scenario, seed)` folded over its events with `apply`; `validate` turns a
 * seat's move into an event or a reasoned rejection; `viewFor` is the only way out.
 */

export * from "./bots/index.ts";
export { nextRandom, seedToRng } from "./random/seeded.ts";
export { apply, foldStored, replay, sameButLog } from "./rules/apply.ts";
export { arbitrator, awardPackage } from "./rules/arbitration.ts";
export { meanTrust, pairKey, trustBetween } from "./rules/indicators.ts";
export { initialState, type TableSetup } from "./rules/initialState.ts";
export { defaultMagnitudes, type Magnitudes, magnitude } from "./rules/magnitudes.ts";
export { mediationActive } from "./rules/mediation.ts";
export { approachOf, moveRules } from "./rules/moveRules.ts";
export { MoveSchema, parseMove } from "./rules/moveSchema.ts";
export { isConcession } from "./rules/moves/competitive.ts";
export { nameKey } from "./rules/nameKey.ts";
export { andList, capitalised, isDealParty, issueName, optionLabel, seatName, theForum } from "./rules/names.ts";
export { describePackage } from "./rules/packages.ts";
export {
  botMovesOf,
  type Cover,
  coverOf,
  hadAStudent,
  neverPlayed,
  type Player,
  playedBy,
  samePlayer,
} from "./rules/playedBy.ts";
export { awaitsYourVeto, dealParties, inFavourOf, voteRound } from "./rules/proposals.ts";
export { type BindingRuling, bindingRulings, bindingRulingsOf, forumName } from "./rules/rulings.ts";
export { activeSeats, activeStates } from "./rules/seats.ts";
export { textLimits } from "./rules/textLimits.ts";
export * from "./rules/types.ts";
export { availableMoves, type MoveAvailability, validate, validateSystem, whyNot } from "./rules/validate.ts";
export { RULES_VERSION, replayNotice, rulesNotice } from "./rules/version.ts";
export { analyseScenario, type ScenarioAnalysis } from "./scenario/analysis.ts";
export { checkScenario, type ScenarioCheck } from "./scenario/check.ts";
export { encodingProblem } from "./scenario/decode.ts";
export { scenarioJsonSchema, scenarioJsonSchemaText } from "./scenario/jsonSchema.ts";
export { type LintCheck, type LintProblem, lintChecks, lintScenario } from "./scenario/lint.ts";
export {
  formatProblem,
  loadScenario,
  parseScenario,
  type ScenarioProblem,
  type ScenarioResult,
} from "./scenario/parse.ts";
export { publicSummary, type ScenarioSummary } from "./scenario/publicSummary.ts";
export * from "./scenario/schema.ts";
export { type ApproachMix, approachMix, valueCauses } from "./scoring/approachMix.ts";
export { scenarioFrontier } from "./scoring/frontierCache.ts";
export { type FrontierPosition, frontierPosition, type JointScore, jointScore, tableParties } from "./scoring/joint.ts";
export { type LensOverrides, type LensScore, lensWeights, liberalLens, realistLens } from "./scoring/lenses.ts";
export { defined, type Metric, undefinedMetric } from "./scoring/metric.ts";
export { type FrontierPick, maximinPoint, nashPoint } from "./scoring/nash.ts";
export { normalisedPoints } from "./scoring/normalise.ts";
export {
  bestJointPoints,
  type Choice,
  type Factor,
  forEachOutcome,
  type OutcomeSpace,
  outcomeSpace,
  packageFrom,
  type SpaceConstraints,
  spaceSize,
} from "./scoring/outcomeSpace.ts";
export { noAgreementReason, outcomeWords } from "./scoring/outcomeText.ts";
export { type Frontier, nonDominated, paretoFrontier } from "./scoring/pareto.ts";
export { bestPackageFor, packagePoints, pointRange } from "./scoring/points.ts";
export { type NashReport, type ReportOptions, type TableReport, tableReport } from "./scoring/report.ts";
export { type Aims, aimsPoints, outcomePoints, type PartyScore, scoreParty, scoreTable } from "./scoring/score.ts";
export { type Trajectories, trajectories } from "./scoring/trajectories.ts";
export { closeCodes } from "./view/closeCodes.ts";
export { normaliseJoinCode } from "./view/joinCode.ts";
export { entryText } from "./view/logText.ts";
export type {
  ControlAction,
  MeInfo,
  ParticipantInfo,
  SessionInfo,
  SessionOverview,
  SessionSettingsInfo,
  SessionStatus,
  SessionTiming,
  StudentSessionInfo,
  TableControl,
  TableControlResult,
  TurnedAway,
} from "./view/sessionInfo.ts";
export { type SeatSummary, sessionResultsOpen, type TableStatus, type TableSummary } from "./view/tableSummary.ts";
export {
  newViewCache,
  type PublicIssue,
  type PublicParty,
  type SeatSecrets,
  type TableView,
  type ViewCache,
  type ViewOptions,
  viewFor,
  viewsFor,
} from "./view/viewFor.ts";
export { applyViewPatch, type ItemsChange, type ViewPatch } from "./view/viewPatch.ts";
export { viewPoints } from "./view/viewPoints.ts";
