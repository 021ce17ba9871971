import { pointRange, type Scenario, type ScenarioAnalysis } from "@parley/shared";

const round = (n: number) => String(Math.round(n * 10) / 10);
const percent = (part: number, whole: number) => (whole === 0 ? "0%" : `${round((100 * part) / whole)}%`);

/** A few lines of numbers for an author tuning a scenario (`parley validate --stats`). */
export function describeAnalysis(scenario: Scenario, analysis: ScenarioAnalysis): string[] {
  const { midpoint, bestJoint, nash } = analysis;
  const lines = [
    `packages ${analysis.packageCount}; agreement zone ${analysis.zone.count} (${percent(analysis.zone.count, analysis.packageCount)}); every state above its BATNA in ${analysis.everyoneAbove}`,
    `joint points: midpoint ${round(midpoint.joint)}, best joint ${round(bestJoint.joint)} (${percent(bestJoint.joint - midpoint.joint, midpoint.joint)} more)${nash ? `, Nash ${round(nash.joint)}` : ", no Nash point (no package suits every state)"}`,
  ];
  for (const state of analysis.states) {
    const numbers = analysis.parties[state];
    if (!numbers) continue;
    const name = scenario.parties.find((p) => p.id === state)?.name ?? state;
    // The brief's "best package" counts creative options too; these numbers are the issues'.
    const withCreative = pointRange(scenario, state).best;
    const creative = withCreative !== numbers.best ? ` (${round(withCreative)} with creative options)` : "";
    // What each issue can move for this state, most first: the priorities its brief should tell.
    const stakes = scenario.issues
      .map((issue) => ({ id: issue.id, stake: analysis.issues[issue.id]?.stakes[state] ?? 0 }))
      .sort((a, b) => b.stake - a.stake)
      .map(({ id, stake }) => `${id} ${round(stake)}`)
      .join(", ");
    lines.push(
      `${name}: best ${round(numbers.best)}${creative}, worst ${round(numbers.worst)}, BATNA ${round(numbers.batna)}; midpoint ${round(midpoint.points[state] ?? 0)}, best joint ${round(bestJoint.points[state] ?? 0)}${nash ? `, Nash ${round(nash.points[state] ?? 0)}` : ""}`,
      `${name} stakes (best minus worst option, per issue): ${stakes}`,
    );
  }
  const describe = (options: Record<string, string>) =>
    Object.entries(options)
      .map(([issue, option]) => `${issue}=${option}`)
      .join(", ");
  if (scenario.creativeOptions.length > 0)
    lines.push(
      "packages are the issues' options alone: creative options, once unlocked, add their bonuses (students' briefs count them in their best package)",
    );
  lines.push(`midpoint package: ${describe(midpoint.options)}`);
  lines.push(`best joint package: ${describe(bestJoint.options)}`);
  if (nash) lines.push(`Nash package: ${describe(nash.options)}`);
  return lines;
}
