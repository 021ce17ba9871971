import { bindingRulingsOf, forumName, type TableView } from "@parley/shared";

/** A binding ruling a package must keep: the issue, the option the forum chose, and the forum's name as read within a sentence ("the Neutral expert"). */
export interface RuledOption {
  optionId: string;
  forum: string;
}

/**
 * The options binding rulings have fixed, by issue (the rules' `bindingRulingsOf`). The
 * rules refuse any package that changes one, so the package forms keep them chosen rather
 * than let a student build a package the table will turn down.
 */
export function ruledOptions(view: Pick<TableView, "claims" | "scenario">): Record<string, RuledOption> {
  const out: Record<string, RuledOption> = {};
  for (const { claim, issueId, optionId } of bindingRulingsOf(view.claims)) {
    const forum = forumName(view, claim.forumId);
    out[issueId] = { optionId, forum };
  }
  return out;
}

/** A package's options with every binding ruling's option in place. */
export function keepingRulings(
  view: Pick<TableView, "claims" | "scenario">,
  options: Record<string, string>,
): Record<string, string> {
  const kept = { ...options };
  for (const [issueId, ruled] of Object.entries(ruledOptions(view))) kept[issueId] = ruled.optionId;
  return kept;
}
