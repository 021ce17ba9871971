import {
  describePackage,
  entryText,
  type GameState,
  isDealParty,
  type Metric,
  meanTrust,
  seatName,
  type TableReport,
} from "@parley/shared";

const one = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
const metric = (m: Metric, suffix = "") => (m.defined ? `${one(m.value)}${suffix}` : "undefined");
/** A table cell: a dash where the figure does not exist (a third party's 0–100 score). */
const dash = (m: Metric) => (m.defined ? one(m.value) : "—");

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
  const thirdParties: string[] = [];
  for (const score of report.scores) {
    const lenses = report.lenses[score.seat];
    const dealParty = isDealParty(state, score.seat);
    if (!dealParty) thirdParties.push(seatName(state, score.seat));
    rows.push([
      seatName(state, score.seat),
      one(score.points),
      dash(score.normalised),
      dealParty ? one(score.surplus) : "—",
      dealParty ? one(score.batna) : "—",
      lenses ? dash(lenses.realist.score) : "—",
      lenses ? dash(lenses.liberal.score) : "—",
    ]);
  }
  lines.push("", ...table(rows));
  if (thirdParties.length > 0) {
    lines.push(
      `— ${thirdParties.join(", ")}: a third party is not bound by the deal and has no payoff table or BATNA, so no 0–100 score and no lenses; its points come from any agreement and a calm table.`,
    );
  }
  lines.push("");
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
