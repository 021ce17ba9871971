import type { Move } from "../rules/types.ts";
import type { TableView } from "../view/viewFor.ts";
import { simpleBotMove } from "./simple.ts";

/** What a bot decided, and why (shown in the debrief, never to other seats during play). */
export interface BotDecision {
  move: Move;
  rationale?: string;
}

export interface BotPersona {
  id: string;
  name: string;
  description: string;
}

/** The personas a seat can be given. */
export const botPersonas: BotPersona[] = [
  {
    id: "simple",
    name: "Simple",
    description: "Concedes steadily over time and accepts any offer above its aspiration.",
  },
];

/**
 * A bot's next move, decided from its seat's view only (it never reads hidden state), or
 * null when it has nothing to do now. Deterministic: the same view gives the same move.
 */
export function decideBotMove(view: TableView, _persona: string): BotDecision | null {
  const move = simpleBotMove(view);
  return move ? { move } : null;
}
