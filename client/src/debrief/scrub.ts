/** Where the replay's step controls go, from a step: the arithmetic of the scrubber, apart from its buttons. */

/** The step at which each round starts: the first step showing that round. */
export function roundStartsOf(rounds: readonly number[]): { round: number; step: number }[] {
  const starts: { round: number; step: number }[] = [];
  rounds.forEach((round, step) => {
    if (starts[starts.length - 1]?.round !== round) starts.push({ round, step });
  });
  return starts;
}

/** The start of the next round (the end, from the last one), or of this one, or the one before when at its start. */
export function roundStepFrom(
  starts: readonly { step: number }[],
  step: number,
  last: number,
  direction: 1 | -1,
): number {
  const current = starts.findLastIndex((s) => s.step <= step);
  return direction === 1
    ? (starts[current + 1]?.step ?? last)
    : (starts[step === starts[current]?.step ? current - 1 : current]?.step ?? 0);
}

/**
 * How far Page Up and Page Down move the step slider: a tenth of the replay (at least one
 * step), the larger jump a slider's page keys make (a native range moved one step, as the arrows do).
 */
export const pageJump = (last: number): number => Math.max(1, Math.ceil(last / 10));

/** The step a key sends the slider to, or undefined for keys the slider handles itself (arrows, Home, End). */
export function keyStep(key: string, step: number, last: number): number | undefined {
  const to = key === "PageUp" ? step + pageJump(last) : key === "PageDown" ? step - pageJump(last) : undefined;
  return to === undefined ? undefined : Math.max(0, Math.min(last, to));
}

/** A place on the timeline worth a mark: something the instructor did, say. */
export interface TimelineMark {
  step: number;
  label: string;
}

/** How fast Play moves through the replay: the pause on each step, in milliseconds. */
export const playSpeeds = [
  { id: "slow", label: "Slow (3 s a step)", ms: 3000 },
  { id: "normal", label: "Normal (1.5 s a step)", ms: 1500 },
  { id: "fast", label: "Fast (0.5 s a step)", ms: 500 },
] as const;
export type PlaySpeed = (typeof playSpeeds)[number]["id"];

/** The step Play starts from: where the replay is, or the start when it is at its end (as a player restarts). */
export const playFrom = (step: number, last: number): number => (step >= last ? 0 : step);

/** Play's next step, and whether it stops there (at the end of the replay). */
export function playNext(step: number, last: number): { step: number; done: boolean } {
  const next = Math.min(last, step + 1);
  return { step: next, done: next >= last };
}
