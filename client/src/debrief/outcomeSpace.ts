import { type GameState, outcomePoints, packagePoints, type SeatId, seatName, type TableReport } from "@parley/shared";
import type { OutcomeSpaceData, PlotPoint } from "../charts/outcomeSpaceData.ts";

/** The upper-right envelope of points in two dimensions: the frontier as these two parties see it. */
export function envelope(points: PlotPoint[]): PlotPoint[] {
  const sorted = [...points].sort((a, b) => b.x - a.x || b.y - a.y);
  const out: PlotPoint[] = [];
  let bestY = Number.NEGATIVE_INFINITY;
  for (const p of sorted) {
    if (p.y > bestY) {
      out.push(p);
      bestY = p.y;
    }
  }
  return out;
}

/**
 * The Pareto frontier seen along two parties' points, in order across: with two parties it
 * is the frontier itself; with more, the frontier packages projected onto those two and
 * their upper-right envelope. It depends on the scenario only, not on the step.
 */
export function frontierAlong(report: TableReport, x: SeatId, y: SeatId): PlotPoint[] {
  const projected = report.frontier.points.map((p, i) => ({
    x: p[x] ?? 0,
    y: p[y] ?? 0,
    label: `Frontier package ${i + 1}`,
  }));
  const frontier = report.parties.length > 2 ? envelope(projected) : projected;
  return frontier.sort((a, b) => a.x - b.x);
}

/**
 * The outcome space of a table at a step, seen along two parties' points: the frontier (from
 * `frontierAlong`), the Nash point, the BATNAs, each proposer's trail of offers and the outcome.
 */
export function outcomeSpaceData(
  state: GameState,
  report: TableReport,
  x: SeatId,
  y: SeatId,
  frontier: PlotPoint[],
): OutcomeSpaceData {
  const xLabel = seatName(state, x);
  const yLabel = seatName(state, y);
  const lines = new Map<SeatId, PlotPoint[]>();
  for (const p of state.proposals) {
    const points = lines.get(p.by) ?? [];
    points.push({
      x: packagePoints(state.scenario, x, p.package),
      y: packagePoints(state.scenario, y, p.package),
      label: `${seatName(state, p.by)} v${p.version} (round ${p.round}, ${p.status})`,
    });
    lines.set(p.by, points);
  }
  const nash = report.nash.defined
    ? { x: report.nash.points[x] ?? 0, y: report.nash.points[y] ?? 0, label: "Nash bargaining point" }
    : undefined;
  return {
    xLabel,
    yLabel,
    frontier,
    nash,
    batna: { x: state.batna[x] ?? 0, y: state.batna[y] ?? 0 },
    trails: [...lines.entries()].map(([seat, points]) => ({ name: seatName(state, seat), points })),
    outcome:
      state.phase === "ended"
        ? {
            x: outcomePoints(state, x),
            y: outcomePoints(state, y),
            label: state.outcome?.kind === "agreement" ? "Agreement" : "No agreement (BATNAs)",
          }
        : undefined,
  };
}
