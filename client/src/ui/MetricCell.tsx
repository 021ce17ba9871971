import type { Metric } from "@parley/shared";
import { metricReason, metricText } from "./metric.ts";

/**
 * A table cell for a metric: its value, or a dash with the reason as its title. `label` names
 * its column where a narrow screen stacks the table's cells (`.stack-narrow`).
 */
export function MetricCell({
  metric,
  digits = 0,
  label,
}: {
  metric: Metric | undefined;
  digits?: number;
  label?: string;
}) {
  return (
    <td className="num" title={metricReason(metric)} data-label={label}>
      {metricText(metric, digits)}
    </td>
  );
}
