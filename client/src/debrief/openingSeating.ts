import type { GameEvent } from "@parley/shared";

/**
 * The step by which a table's opening seating is done: a class table is set up with a bot at
 * every seat, and its students are seated by the `setController` events it starts with. Up
 * to that step the debrief's "Who played" reads the seats from it, so that the opening
 * position names the students who played them, not the bots nobody saw (it read "A bot
 * (Default)" for every seat of a class table at step 0). 0 for a table whose first event is
 * a move (a solo game: its player is seated from the start).
 */
export function openingSeatedStep(events: readonly GameEvent[]): number {
  const first = events.findIndex((e) => e.by !== "system" || e.move.kind !== "setController");
  return first === -1 ? events.length : first;
}
