import type { SeatId } from "../rules/types.ts";

/** A 32-bit hash of numbers and strings (FNV-1a over their text, then an avalanche step). */
export function hash(...parts: readonly (number | string)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0001`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A number in [0, 1) from a hash. */
export function unit(...parts: readonly (number | string)[]): number {
  return hash(...parts) / 4294967296;
}

/**
 * A bot's own dice for one table: how this game's bot differs from the persona's average
 * (a little more patient, a little more demanding) and how it breaks ties. It comes from
 * the table's seed and the seat through a one-way mix, so a game is deterministic given
 * its seed, games with different seeds differ, and the dice say nothing about the rulings
 * the seed will draw.
 */
export function botDice(tableSeed: number, seat: SeatId): number {
  return hash("bot-dice", tableSeed, seat);
}
