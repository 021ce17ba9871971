import type { MoveEffects } from "../scenario/schema.ts";
import type { GameState } from "./types.ts";

type Complete<T> = { [K in keyof T]-?: Required<NonNullable<T[K]>> };
export type Magnitudes = Complete<MoveEffects>;

/**
 * The engine's default magnitudes of every effect that is not a scenario's own data
 * (measures carry their own damage and tension; events their own effects). A scenario may
 * override any of them under `moveEffects`. docs/RULES.md explains each one.
 */
export const defaultMagnitudes: Magnitudes = {
  plain: { trust: 0, tension: 0 },
  package: { trust: 1, tension: -1 },
  anchor: { trust: -3, tension: 3 },
  ultimatum: { trust: -5, tension: 6 },
  accept: { trust: 2 },
  reject: { tension: 1, ultimatumTension: 4 },
  walkAway: { tension: 10 },
  threaten: { trust: -4, tension: 5 },
  impose: { trust: -6, surpriseLegitimacy: -2 },
  liftMeasure: { trust: 2, tensionShare: 0.5, restoreShare: 0.5 },
  concede: { trust: 1 },
  withhold: { trust: -3, rounds: 2 },
  inviteMediator: { tension: -1 },
  acceptMediation: { tension: -2 },
  mediation: { roundTrust: 1 },
  mediatorProposal: { tension: -1 },
  shuttle: { trust: 2, tension: -1 },
  consentArbitration: { tension: -1 },
  shareInterests: { trust: 3 },
  proposeCreative: { trust: 2 },
  jointFactFinding: { trust: 4, rounds: 2 },
  fileClaim: { trust: -2, tension: 3, answerRounds: 1 },
  respondToClaim: { refuseLegitimacy: -3, consentTrust: 1 },
  ruling: { tension: 6 },
  comply: { legitimacy: 2, trust: 2, tension: -2 },
  defy: { legitimacy: -8, tension: 5 },
  confidenceBuilding: { trust: 5, tension: -2, cost: 1 },
  workshop: { trust: 3 },
  backChannel: { trust: 2, tension: -2 },
  crisis: { batna: -3, trust: -5 },
};

/** The magnitudes of one effect at this table: the scenario's overrides over the defaults. */
export function magnitude<K extends keyof Magnitudes>(state: Pick<GameState, "scenario">, key: K): Magnitudes[K] {
  const override = state.scenario.moveEffects?.[key];
  return override ? { ...defaultMagnitudes[key], ...stripUndefined(override) } : defaultMagnitudes[key];
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
