import { type LogEntry, type Player, type PublicParty, playedBy, samePlayer } from "@parley/shared";

/**
 * Who had played a seat by a step, in order, ending with whoever held it then: the debrief's
 * "Who played" had named only that last one, so at the end of a table where the instructor
 * gave a student's seat to a bot, the student who played most of the game was not named.
 * `log` is the step's view's log: a bot that took the seat over and has not moved yet (or
 * whose moves that viewer cannot tell from a student's) is still named, as the seat's holder.
 */
export function playedSoFar(
  party: Pick<PublicParty, "id" | "controller" | "stints">,
  log: readonly LogEntry[],
): Player[] {
  const players: Player[] = playedBy(party.stints, log, party.id);
  const last = players[players.length - 1];
  return last && samePlayer(last, party.controller) ? players : [...players, party.controller];
}
