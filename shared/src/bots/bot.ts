import type { Move } from "../rules/types.ts";
import type { TableView } from "../view/viewFor.ts";
import { decide } from "./decide.ts";
import { hash } from "./dice.ts";
import { type PersonaParameters, resolvePersona } from "./personas.ts";
import { jitter } from "./stance.ts";

/** What a bot decided, and why (shown in the debrief, never to other seats during play). */
export interface BotDecision {
  move: Move;
  rationale?: string;
}

export interface BotOptions {
  /**
   * The bot's own dice for this table (see `botDice`): they vary the persona a little from
   * game to game and break ties. Without them the bot varies by seat and persona only.
   */
  dice?: number;
  /** Changes to the persona's parameters (experiments: the same persona without Track II, say). */
  overrides?: Partial<PersonaParameters>;
}

/** The parameters a seat's bot plays with: its persona's row, the overrides, then the dice. */
export function botParameters(persona: string, kind: "state" | "mediator" | "ngo", options: BotOptions = {}) {
  const row = resolvePersona(persona, kind);
  return { row, parameters: jitter({ ...row.parameters, ...options.overrides }, options.dice ?? 0) };
}

/**
 * A bot's next move, decided from its seat's view only (it never reads hidden state), or
 * null when it has nothing to do now. Deterministic: the same view, persona and options
 * give the same decision.
 */
export function decideBotMove(view: TableView, persona: string, options: BotOptions = {}): BotDecision | null {
  const seat = view.me?.seat;
  if (!seat) return null;
  const kind = view.parties.find((p) => p.id === seat)?.kind ?? "state";
  const dice = options.dice ?? hash(seat, persona);
  const { parameters } = botParameters(persona, kind, { ...options, dice });
  return decide(view, parameters, dice);
}
