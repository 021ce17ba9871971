import type { FieldPath } from "./parse.ts";
import type { Scenario } from "./schema.ts";

export interface ReferenceProblem {
  path: FieldPath;
  message: string;
}

/**
 * Ids no seat may have: a view for "instructor" holds every secret, "observer" is the
 * public's view, and "system" writes the table's own log lines.
 */
const reservedSeatIds: readonly string[] = ["instructor", "observer", "system"];

/**
 * Checks that every id a scenario mentions exists and that ids are unique: the errors a
 * schema alone cannot see. Returned in file order as far as paths allow.
 */
export function checkReferences(scenario: Scenario): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const report = (path: FieldPath, message: string) => problems.push({ path, message });
  /** What the author could have meant: " (options: a, b, c)". */
  const among = (what: string, ids: Iterable<string>) => {
    const list = [...ids];
    return list.length > 0 ? ` (${what}: ${list.join(", ")})` : ` (there are no ${what} yet)`;
  };

  const uniqueIds = (list: readonly { id: string }[], field: string): Set<string> => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) report([field, i, "id"], `duplicate id '${item.id}'`);
      seen.add(item.id);
    });
    return seen;
  };

  const partyIds = uniqueIds(scenario.parties, "parties");
  scenario.parties.forEach((party, i) => {
    if (reservedSeatIds.includes(party.id))
      report(
        ["parties", i, "id"],
        `'${party.id}' is reserved (it names a viewer or the table itself); choose another id`,
      );
  });
  const isParty = (id: string) => partyIds.has(id);
  const stateIds = new Set(scenario.parties.filter((p) => p.kind === "state").map((p) => p.id));
  /** Why `id` cannot stand where a state party is needed, or null when it can. */
  const notAState = (id: string): string | null =>
    stateIds.has(id)
      ? null
      : isParty(id)
        ? `'${id}' is a third party (${scenario.parties.find((p) => p.id === id)?.kind}); only a state party fits here`
        : `unknown state party '${id}'${among("states", stateIds)}`;
  if (stateIds.size < 2) report(["parties"], "a scenario needs at least two parties of kind 'state'");

  const forumIds = uniqueIds(scenario.forums, "forums");
  uniqueIds(scenario.creativeOptions, "creativeOptions");
  uniqueIds(scenario.measures, "measures");
  uniqueIds(scenario.events, "events");
  uniqueIds(scenario.sources, "sources");

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
      report(
        ["issues", i, "statusQuo"],
        `'${issue.statusQuo}' is not an option of issue '${issue.id}'${among("options", options)}`,
      );
    }
    if (issue.legal) {
      if (!forumIds.has(issue.legal.forum)) {
        report(
          ["issues", i, "legal", "forum"],
          `unknown forum '${issue.legal.forum}' (add it under forums)${among("forums", forumIds)}`,
        );
      }
      for (const [party, option] of Object.entries(issue.legal.positions)) {
        if (!isParty(party))
          report(["issues", i, "legal", "positions", party], `unknown party '${party}'${among("parties", partyIds)}`);
        else if (!options.has(option)) {
          report(
            ["issues", i, "legal", "positions", party],
            `'${option}' is not an option of issue '${issue.id}'${among("options", options)}`,
          );
        }
      }
      for (const party of Object.keys(issue.legal.merits)) {
        if (!isParty(party))
          report(["issues", i, "legal", "merits", party], `unknown party '${party}'${among("parties", partyIds)}`);
      }
    }
  });

  scenario.parties.forEach((party, i) => {
    for (const [issueId, table] of Object.entries(party.payoffs)) {
      const options = optionsOf.get(issueId);
      if (!options) {
        report(["parties", i, "payoffs", issueId], `unknown issue '${issueId}'${among("issues", optionsOf.keys())}`);
        continue;
      }
      for (const optionId of Object.keys(table)) {
        if (!options.has(optionId)) {
          report(
            ["parties", i, "payoffs", issueId, optionId],
            `'${optionId}' is not an option of issue '${issueId}'${among("options", options)}`,
          );
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
      if (!isParty(party))
        report(["creativeOptions", i, "bonus", party], `unknown party '${party}'${among("parties", partyIds)}`);
    }
  });

  scenario.measures.forEach((measure, i) => {
    for (const key of ["by", "against"] as const) {
      const problem = notAState(measure[key]);
      if (problem) report(["measures", i, key], problem);
    }
    for (const party of Object.keys(measure.damage)) {
      if (!isParty(party))
        report(["measures", i, "damage", party], `unknown party '${party}'${among("parties", partyIds)}`);
    }
  });

  scenario.indicators.trustPairs.forEach((pair, i) => {
    pair.between.forEach((party, j) => {
      if (!isParty(party))
        report(["indicators", "trustPairs", i, "between", j], `unknown party '${party}'${among("parties", partyIds)}`);
    });
  });
  for (const party of Object.keys(scenario.indicators.legitimacy)) {
    if (!isParty(party))
      report(["indicators", "legitimacy", party], `unknown party '${party}'${among("parties", partyIds)}`);
  }

  scenario.events.forEach((event, i) => {
    for (const key of ["batna", "legitimacy"] as const) {
      for (const party of Object.keys(event.effects[key])) {
        if (!isParty(party))
          report(["events", i, "effects", key, party], `unknown party '${party}'${among("parties", partyIds)}`);
      }
    }
    event.issues.forEach((issueId, j) => {
      if (!optionsOf.has(issueId))
        report(["events", i, "issues", j], `unknown issue '${issueId}'${among("issues", optionsOf.keys())}`);
    });
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
        const problem = notAState(party);
        if (problem) report(["rules", "agreement", key, i], problem);
      });
    }
    if (rule.min > stateIds.size) {
      report(["rules", "agreement", "min"], `needs ${rule.min} parties but the scenario has ${stateIds.size}`);
    }
  }

  return problems;
}
