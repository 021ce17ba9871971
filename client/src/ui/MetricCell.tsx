import type { Metric } from "@parley/shared";
import { metricReason, metricText } from "./metric.ts";

/** A table cell for a metric: its value, or a dash with the reason as its title. */
export function MetricCell({ metric, digits = 0 }: { metric: Metric | undefined; digits?: number }) {
  return (
    <td className="num" title={metricReason(metric)}>
      {metricText(metric, digits)}
    </td>
  );
}
