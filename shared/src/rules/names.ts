import type { GameState, SeatId } from "./types.ts";

type Named = Pick<GameState, "scenario">;

export function seatName(state: Named, seat: SeatId): string {
  return state.scenario.parties.find((p) => p.id === seat)?.name ?? seat;
}

/** Names as read in a sentence: "A", "A and B", "A, B and C". */
export function andList(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * A forum's name as read within a sentence: with "the" ("before the Neutral expert", "the
 * Court of Arbitration rules"), where the log had read "before Neutral expert". A name its
 * author began with "The" keeps it, in lower case ("the International Court of Justice").
 */
export function theForum(name: string): string {
  return /^the\s/i.test(name) ? `the${name.slice(3)}` : `the ${name}`;
}

/** A text with its first letter in upper case, to begin a sentence. */
export const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function seatNames(state: Named, seats: SeatId[]): string {
  return andList(seats.map((s) => seatName(state, s)));
}

export function issueName(state: Named, issueId: string): string {
  return state.scenario.issues.find((i) => i.id === issueId)?.name ?? issueId;
}

export function optionLabel(state: Named, issueId: string, optionId: string): string {
  const issue = state.scenario.issues.find((i) => i.id === issueId);
  return issue?.options.find((o) => o.id === optionId)?.label ?? optionId;
}

export function partyKind(state: Named, seat: SeatId): "state" | "mediator" | "ngo" {
  return state.scenario.parties.find((p) => p.id === seat)?.kind ?? "state";
}

/** Seats that are parties to a deal (states), as opposed to mediators and NGOs. */
export function isDealParty(state: Named, seat: SeatId): boolean {
  return state.scenario.parties.some((p) => p.id === seat && p.kind === "state");
}
