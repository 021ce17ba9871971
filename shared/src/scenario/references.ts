import type { FieldPath } from "./parse.ts";
import type { Scenario } from "./schema.ts";

export interface ReferenceProblem {
  path: FieldPath;
  message: string;
}

/**
 * Checks that every id a scenario mentions exists and that ids are unique: the errors a
 * schema alone cannot see. Returned in file order as far as paths allow.
 */
export function checkReferences(scenario: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: FieldPath, message: string) => problems.push({ path, message });

  const partyIds = new Set<string>();
  scenario.parties.forEach((party, i) => {
    if (partyIds.has(party.id)) report(["parties", i, "id"], `duplicate id '${party.id}'`);
    partyIds.add(party.id);
  });
  const isParty = (id: string) => partyIds.has(id);
  const stateIds = new Set(scenario.parties.filter((p) => p.kind === "state").map((p) => p.id));
  if (stateIds.size < 2) report(["parties"], "a scenario needs at least two parties of kind 'state'");

  const forumIds = new Set<string>();
  scenario.forums.forEach((forum, i) => {
    if (forumIds.has(forum.id)) report(["forums", i, "id"], `duplicate id '${forum.id}'`);
    forumIds.add(forum.id);
  });

  const optionsOf = new Map<string, Set<string>>();
  scenario.issues.forEach((issue, i) => {
    if (optionsOf.has(issue.id)) report(["issues", i, "id"], `duplicate id '${issue.id}'`);
    const options = new Set<string>();
    issue.options.forEach((option, j) => {
      if (options.has(option.id)) report(["issues", i, "options", j, "id"], `duplicate id '${option.id}'`);
      options.add(option.id);
    });
    optionsOf.set(issue.id, options);
    if (!options.has(issue.statusQuo)) {
      report(["issues", i, "statusQuo"], `'${issue.statusQuo}' is not an option of issue '${issue.id}'`);
    }
    if (issue.legal) {
      if (!forumIds.has(issue.legal.forum)) {
        report(["issues", i, "legal", "forum"], `unknown forum '${issue.legal.forum}' (add it under forums)`);
      }
      for (const [party, option] of Object.entries(issue.legal.positions)) {
        if (!isParty(party)) report(["issues", i, "legal", "positions", party], `unknown party '${party}'`);
        else if (!options.has(option)) {
          report(["issues", i, "legal", "positions", party], `'${option}' is not an option of issue '${issue.id}'`);
        }
      }
      for (const party of Object.keys(issue.legal.merits)) {
        if (!isParty(party)) report(["issues", i, "legal", "merits", party], `unknown party '${party}'`);
      }
    }
  });

  scenario.parties.forEach((party, i) => {
    for (const [issueId, table] of Object.entries(party.payoffs)) {
      const options = optionsOf.get(issueId);
      if (!options) {
        report(["parties", i, "payoffs", issueId], `unknown issue '${issueId}'`);
        continue;
      }
      for (const optionId of Object.keys(table)) {
        if (!options.has(optionId)) {
          report(["parties", i, "payoffs", issueId, optionId], `'${optionId}' is not an option of issue '${issueId}'`);
        }
      }
    }
    if (party.kind === "state") {
      scenario.issues.forEach((issue) => {
        const table = party.payoffs[issue.id];
        if (!table) {
          report(["parties", i, "payoffs"], `missing payoffs for issue '${issue.id}'`);
          return;
        }
        for (const option of issue.options) {
          if (table[option.id] === undefined) {
            report(["parties", i, "payoffs", issue.id], `missing payoff for option '${option.id}'`);
          }
        }
      });
    }
  });

  scenario.creativeOptions.forEach((creative, i) => {
    for (const party of Object.keys(creative.bonus)) {
      if (!isParty(party)) report(["creativeOptions", i, "bonus", party], `unknown party '${party}'`);
    }
  });

  scenario.measures.forEach((measure, i) => {
    if (!stateIds.has(measure.by)) report(["measures", i, "by"], `unknown state party '${measure.by}'`);
    if (!stateIds.has(measure.against)) report(["measures", i, "against"], `unknown state party '${measure.against}'`);
    for (const party of Object.keys(measure.damage)) {
      if (!isParty(party)) report(["measures", i, "damage", party], `unknown party '${party}'`);
    }
  });

  scenario.indicators.trustPairs.forEach((pair, i) => {
    pair.between.forEach((party, j) => {
      if (!isParty(party)) report(["indicators", "trustPairs", i, "between", j], `unknown party '${party}'`);
    });
  });
  for (const party of Object.keys(scenario.indicators.legitimacy)) {
    if (!isParty(party)) report(["indicators", "legitimacy", party], `unknown party '${party}'`);
  }

  scenario.events.forEach((event, i) => {
    for (const party of [...Object.keys(event.effects.batna), ...Object.keys(event.effects.legitimacy)]) {
      if (!isParty(party)) report(["events", i, "effects"], `unknown party '${party}'`);
    }
    if (event.round !== undefined && event.round > scenario.rules.roundLimit) {
      report(["events", i, "round"], `round ${event.round} is after the round limit (${scenario.rules.roundLimit})`);
    }
  });

  const rule = scenario.rules.agreement;
  if (rule.rule === "qualified") {
    for (const [key, list] of [
      ["mustInclude", rule.mustInclude],
      ["vetoes", rule.vetoes],
    ] as const) {
      list.forEach((party, i) => {
        if (!stateIds.has(party)) report(["rules", "agreement", key, i], `unknown state party '${party}'`);
      });
    }
    if (rule.min > stateIds.size) {
      report(["rules", "agreement", "min"], `needs ${rule.min} parties but the scenario has ${stateIds.size}`);
    }
  }

  return problems;
}
