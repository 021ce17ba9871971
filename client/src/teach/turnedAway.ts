import { list } from "../ui/names.ts";

/**
 * What the dashboard says of the students who found every seat taken and have not joined
 * since: add a table while none is free; once seats are free (a table added), ask them to
 * join again. `seatsFree` is the server's own count by its seating rule (the session
 * overview's), never worked out again here: null when there is no limit.
 */
export function turnedAwayNotice(names: readonly string[], seatsFree: number | null): string {
  const them = names.length === 1 ? "them" : "each of them";
  return seatsFree === 0
    ? `Every seat is taken: ${list(names)} could not join. Add a table, then ask ${them} to join again.`
    : `${list(names)} found every seat taken and ${names.length === 1 ? "has" : "have"} not joined since: seats are free now, so ask ${them} to join again.`;
}
