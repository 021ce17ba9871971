/**
 * A seeded pseudo-random generator whose whole state is one 32-bit number, so it can live
 * inside the game state and a replay draws exactly the same numbers (mulberry32).
 */
export function seedToRng(seed: number): number {
  // Spread small seeds (0, 1, 2…) so that neighbouring seeds do not start alike.
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Returns a number in [0, 1) and the generator's next state. */
export function nextRandom(rng: number): [value: number, next: number] {
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return [value, next];
}
