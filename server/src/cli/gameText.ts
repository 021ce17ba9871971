import {
  describePackage,
  entryText,
  type GameState,
  type Metric,
  meanTrust,
  seatName,
  type TableReport,
} from "@parley/shared";

const one = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
const metric = (m: Metric, suffix = "") => (m.defined ? `${one(m.value)}${suffix}` : "undefined");

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
  );
}

/** The table's log as the instructor sees it, round by round, with each bot's reason. */
export function logText(state: GameState): string[] {
  const lines: string[] = [];
  for (const entry of state.log) {
    if (entry.kind === "roundStarted") {
      lines.push("", `Round ${entry.round}`);
      continue;
    }
    lines.push(`  ${entryText(entry, (seat) => seatName(state, seat))}`);
    if (entry.rationale) lines.push(`      why: ${entry.rationale}`);
  }
  return lines;
}

/** The outcome and the scores, as the debrief shows them. */
export function scoresText(state: GameState, report: TableReport): string[] {
  const outcome = state.outcome;
  const lines: string[] = [];
  if (outcome?.kind === "agreement") {
    lines.push(
      `Outcome: agreement in round ${outcome.round} between ${outcome.parties.map((s) => seatName(state, s)).join(", ")}:`,
      `  ${describePackage(state.scenario, outcome.package)}`,
    );
  } else if (outcome) {
    lines.push(
      `Outcome: no agreement (${outcome.reason}, round ${outcome.round}); every state falls back on its BATNA.`,
    );
  } else {
    lines.push(`Outcome: still playing (round ${state.round}).`);
  }
  const rows = [["party", "points", "0–100", "surplus", "BATNA", "realist", "liberal"]];
  for (const score of report.scores) {
    const lenses = report.lenses[score.seat];
    rows.push([
      seatName(state, score.seat),
      one(score.points),
      metric(score.normalised),
      one(score.surplus),
      one(score.batna),
      lenses ? metric(lenses.realist.score) : "",
      lenses ? metric(lenses.liberal.score) : "",
    ]);
  }
  lines.push("", ...table(rows), "");
  lines.push(
    `Table: joint points ${one(report.jointPoints)} of ${one(report.bestJointPoints)} (efficiency ${metric(report.efficiency, " %")}), distance to the Pareto frontier ${metric(report.distanceToFrontier)}${report.onFrontier ? " (on the frontier)" : ""}.`,
  );
  lines.push(
    report.nash.defined
      ? `Nash bargaining point: ${describePackage(state.scenario, report.nash.package)}.`
      : `Nash bargaining point: undefined (${report.nash.reason})`,
  );
  lines.push(`At the end: mean trust ${one(meanTrust(state))}, tension ${one(state.indicators.tension)}.`);
  return lines;
}
