import { isConcession, type Proposal, type TableView } from "@parley/shared";
import { ruledOptions } from "./rulings.ts";

/** An option as the concession form lists it: its label and what it is worth to the viewer. */
export interface ConcessionOption {
  id: string;
  label: string;
  points: number;
}

/** An issue of the viewer's proposal it can concede on: what the proposal offers now, and each option worth less. */
export interface ConcessionIssue {
  issueId: string;
  name: string;
  current: ConcessionOption;
  /** Worth less to the viewer than `current`, the smallest step first. */
  options: ConcessionOption[];
}

/**
 * What the viewer can concede on one of its open proposals: each issue where some option is
 * worth less to it than the one offered (the rules' `isConcession`, which `concede` checks),
 * the smallest step first, without an issue a binding ruling fixes. The form had listed
 * every option of the first issue, the one offered and those worth more among them, with no
 * points: a student could send a "concession" the table refused, or give away most of an
 * issue by leaving the first option chosen.
 */
export function concessionChoices(
  view: Pick<TableView, "me" | "scenario" | "claims">,
  proposal: Pick<Proposal, "package">,
): ConcessionIssue[] {
  const payoffs = view.me?.payoffs ?? {};
  const ruled = ruledOptions(view);
  const out: ConcessionIssue[] = [];
  for (const issue of view.scenario.issues) {
    const offered = proposal.package.options[issue.id];
    if (ruled[issue.id] || offered === undefined) continue;
    const worth = (id: string) => payoffs[issue.id]?.[id] ?? 0;
    const option = (id: string): ConcessionOption => ({
      id,
      label: issue.options.find((o) => o.id === id)?.label ?? id,
      points: worth(id),
    });
    const lower = issue.options
      .filter((o) => isConcession(payoffs[issue.id], offered, o.id))
      .map((o) => option(o.id))
      .sort((a, b) => b.points - a.points);
    if (lower.length > 0) out.push({ issueId: issue.id, name: issue.name, current: option(offered), options: lower });
  }
  return out;
}
