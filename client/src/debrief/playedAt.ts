import { type GameState, type Player, playedBy, seatName } from "@parley/shared";
import { capitalised, playersPhrase } from "../ui/names.ts";

/** A bot as the debrief's list of students names it: its persona is in the table's replay. */
const unnamedBot = (p: Player): Player => (p.type === "bot" ? { type: "bot" } : p);

/**
 * The students who played at a table, seat by seat, with whoever took over from them
 * ("Dara, then a bot (Ukraine), Ben (Russia)"): the rule of every end-of-game screen (playedBy).
 */
export function playedAt(state: GameState): string {
  return capitalised(
    state.seats
      .map((seat) => ({ seat, players: playedBy(state.stints[seat] ?? [], state.log, seat) }))
      .filter(({ players }) => players.some((p) => p.type === "human"))
      // One sentence: "Dara (United States), a bot, then Ivy (China)", not "…, A bot, then Ivy".
      .map(({ seat, players }) => `${playersPhrase(players.map(unnamedBot))} (${seatName(state, seat)})`)
      .join(", "),
  );
}
