import type { PartyScore, TableReport } from "@parley/shared";
import { MetricCell } from "./MetricCell.tsx";
import { pointsText } from "./metric.ts";

/**
 * A party's points, its score on its 0–100 scale, over its BATNA and both lenses: the cells
 * the end screen and the debrief show alike. A third party has no BATNA, scale or lens: dashes,
 * each with its reason. Each cell names its column (`data-label`), for a narrow screen that
 * stacks the table (`.stack-narrow`).
 */
export function ScoreCells({
  score,
  lenses,
  thirdParty,
}: {
  score: PartyScore;
  lenses: TableReport["lenses"][string] | undefined;
  thirdParty: boolean;
}) {
  return (
    <>
      <td className="num" data-label="Points">
        {pointsText(score.points)}
      </td>
      <MetricCell metric={score.normalised} label="Score (0–100)" />
      <td className="num" data-label="Over BATNA">
        {thirdParty ? "—" : score.surplus}
      </td>
      <MetricCell metric={lenses?.realist.score} digits={1} label="Realist" />
      <MetricCell metric={lenses?.liberal.score} digits={1} label="Liberal" />
    </>
  );
}
