import type { SeatId } from "../rules/types.ts";
import type { PackageSpace } from "./packageSpace.ts";
import type { OpponentModel } from "./personas.ts";
import type { Situation } from "./situation.ts";

/** A bot's guess of another party's points: per issue (space order), per option. */
export interface Estimate {
  seat: SeatId;
  values: number[][];
  /** Issues whose points the party revealed to the viewer (exact, not guessed). */
  known: boolean[];
  /** The largest total the guess allows (each issue's best option), for scaling. */
  best: number;
  /** The smallest total. */
  worst: number;
}

/** What one issue is worth when nothing better is known: the viewer's own mean issue spread, or 20. */
function typicalSpread(situation: Situation, space: PackageSpace): number {
  const payoffs = situation.view.me?.payoffs ?? {};
  const spreads = space.issues.map((issue) => {
    const values = issue.options.map((o) => payoffs[issue.id]?.[o] ?? 0);
    return Math.max(...values) - Math.min(...values);
  });
  const mean = spreads.reduce((sum, s) => sum + s, 0) / Math.max(1, spreads.length);
  return mean > 0 ? mean : 20;
}

/**
 * Estimates `seat`'s payoffs from what the viewer may know. Issues it revealed are exact.
 * Otherwise a fixed-pie bargainer mirrors its own table (what I like, they dislike); a
 * learning one starts from that prior and moves it towards the options the party keeps
 * proposing and the option it claims in court.
 */
export function estimatePayoffs(
  situation: Situation,
  space: PackageSpace,
  seat: SeatId,
  model: OpponentModel,
): Estimate {
  const { view } = situation;
  const own = view.me?.payoffs ?? {};
  const revealed = view.revealedToViewer[seat] ?? {};
  const spread = typicalSpread(situation, space);
  const offers = view.proposals.filter((p) => p.by === seat);
  const values: number[][] = [];
  const known: boolean[] = [];
  for (const issue of space.issues) {
    const exact = revealed[issue.id];
    if (exact) {
      values.push(issue.options.map((o) => exact[o] ?? 0));
      known.push(true);
      continue;
    }
    known.push(false);
    const mine = issue.options.map((o) => own[issue.id]?.[o] ?? 0);
    const hasOwn = mine.some((v) => v !== 0);
    const top = Math.max(...mine);
    // Fixed-pie prior: the mirror of the viewer's own table (flat for a seat with no table).
    const mirror = mine.map((v) => (hasOwn ? top - v : 0));
    if (model === "fixedPie") {
      values.push(mirror);
      continue;
    }
    const counts = issue.options.map((o) => offers.filter((p) => p.package.options[issue.id] === o).length);
    const claimed = view.scenario.issues.find((i) => i.id === issue.id)?.legal?.positions[seat];
    const evidence = issue.options.map(
      (o, j) =>
        (offers.length > 0 ? (spread * (counts[j] ?? 0)) / offers.length : 0) + (o === claimed ? spread / 2 : 0),
    );
    const priorWeight = offers.length > 0 || claimed !== undefined ? 0.5 : 1;
    values.push(issue.options.map((_, j) => priorWeight * (mirror[j] ?? 0) + (evidence[j] ?? 0)));
  }
  const best = values.reduce((sum, row) => sum + Math.max(...row), 0);
  const worst = values.reduce((sum, row) => sum + Math.min(...row), 0);
  return { seat, values, known, best, worst };
}

/** The estimated points of the package at sorted index `p`. */
export function estimatedPoints(space: PackageSpace, estimate: Estimate, p: number): number {
  const k = space.issues.length;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += estimate.values[i]?.[space.choices[p * k + i] ?? 0] ?? 0;
  return sum;
}

/** The estimate scaled 0–1 between the party's worst and best packages. */
export function scaledEstimate(space: PackageSpace, estimate: Estimate, p: number): number {
  const range = estimate.best - estimate.worst;
  return range > 0 ? (estimatedPoints(space, estimate, p) - estimate.worst) / range : 0.5;
}
