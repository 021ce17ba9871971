import type { TableSummary } from "@parley/shared";
import { list } from "../ui/names.ts";

/** Seats a student who joins now could take: those no student holds at a table still in play. */
export const freeSeatsOf = (tables: readonly TableSummary[]): number =>
  tables.filter((t) => t.status !== "ended").reduce((n, t) => n + t.seats.filter((s) => !s.participantId).length, 0);

/**
 * What the dashboard says of the students who found every seat taken and have not joined
 * since: add a table while none is free; once seats are free (a table added), ask them to
 * join again.
 */
export function turnedAwayNotice(names: readonly string[], tables: readonly TableSummary[]): string {
  const them = names.length === 1 ? "them" : "each of them";
  return freeSeatsOf(tables) === 0
    ? `Every seat is taken: ${list(names)} could not join. Add a table, then ask ${them} to join again.`
    : `${list(names)} found every seat taken and ${names.length === 1 ? "has" : "have"} not joined since: seats are free now, so ask ${them} to join again.`;
}
