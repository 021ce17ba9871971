/**
 * Scripted bots: personas as rows of parameters, one decision procedure, and a whole-table
 * simulation. Pure: a bot reads its seat's view (and its own dice) and nothing else.
 */
export { type BotDecision, type BotOptions, botParameters, decideBotMove } from "./bot.ts";
export { botDice } from "./dice.ts";
export { allPackages } from "./packageSpace.ts";
export {
  type BotPersona,
  botPersonas,
  defaultPersonaFor,
  defaultPersonaId,
  fittingPersona,
  isPersonaId,
  type OpponentModel,
  type PersonaId,
  type PersonaParameters,
  personaHasWorkIn,
  personaIds,
  personasForSeat,
  type SeatKind,
  type ThirdPartyStance,
} from "./personas.ts";

export {
  type BotSeat,
  botMayAct,
  type IllegalMove,
  type SimulatedGame,
  type SimulationSetup,
  seatBots,
  simulateGame,
} from "./simulate.ts";
export {
  type Assignment,
  assignments,
  type GameResult,
  gameResult,
  gameSeed,
  type MatchSetup,
  meanAndSpread,
  type PersonaSummary,
  playMatch,
  type SeatResult,
  stateSeats,
  summarisePersonas,
} from "./tournament.ts";
