import { isStateParty, type LintCheck, type LintFinding } from "./lintCheck.ts";

/** Lints on the rest of the table: events, creative options, measures, indicators, labels, sources. */
export const tableChecks: LintCheck[] = [
  {
    name: "EventTargets",
    severity: "warning",
    description: "Events change BATNAs of states only (third parties have no BATNA that scores).",
    run: (scenario) =>
      scenario.events.flatMap((event, i) =>
        Object.keys(event.effects.batna)
          .filter((party) => scenario.parties.some((p) => p.id === party) && !isStateParty(scenario, party))
          .map((party) => ({
            path: ["events", i, "effects", "batna", party],
            message: `'${party}' is a third party: its BATNA does not score`,
          })),
      ),
  },
  {
    name: "CreativeOptionBonus",
    severity: "warning",
    description: "A creative option adds points for at least two states (mutual gains), and only for states.",
    run: (scenario) =>
      scenario.creativeOptions.flatMap((creative, i) => {
        const findings: LintFinding[] = [];
        const gainers = Object.entries(creative.bonus).filter(
          ([party, bonus]) => isStateParty(scenario, party) && bonus > 0,
        );
        if (gainers.length < 2) {
          findings.push({
            path: ["creativeOptions", i, "bonus"],
            message: "a creative option should add points for at least two states",
          });
        }
        for (const party of Object.keys(creative.bonus)) {
          if (scenario.parties.some((p) => p.id === party) && !isStateParty(scenario, party)) {
            findings.push({
              path: ["creativeOptions", i, "bonus", party],
              message: `'${party}' is a third party: a bonus for it does not score`,
            });
          }
        }
        return findings;
      }),
  },
  {
    name: "MeasureIsLoseLose",
    severity: "warning",
    description: "A measure costs its imposer something and targets another state.",
    run: (scenario) =>
      scenario.measures.flatMap((measure, i) => {
        if (measure.by === measure.against) {
          return [{ path: ["measures", i, "against"], message: "a measure cannot target the party that imposes it" }];
        }
        return (measure.damage[measure.by] ?? 0) > 0
          ? []
          : [
              {
                path: ["measures", i, "damage"],
                message: `escalation costs '${measure.by}' nothing: competitive escalation should be lose–lose`,
              },
            ];
      }),
  },
  {
    name: "TrustPairs",
    severity: "error",
    description: "Each trust pair names two different parties, once.",
    run: (scenario) => {
      const seen = new Set<string>();
      return scenario.indicators.trustPairs.flatMap((pair, i) => {
        const [a, b] = pair.between;
        if (a === b)
          return [
            { path: ["indicators", "trustPairs", i, "between"], message: "a trust pair needs two different parties" },
          ];
        const key = [a, b].sort().join("|");
        if (seen.has(key)) {
          return [
            { path: ["indicators", "trustPairs", i], message: `trust between '${a}' and '${b}' is already set above` },
          ];
        }
        seen.add(key);
        return [];
      });
    },
  },
  {
    name: "CrisisAtStart",
    severity: "warning",
    description: "Tension opens below the crisis threshold, round 1's scripted events included.",
    run: (scenario) => {
      const threshold = scenario.rules.crisisThreshold;
      let tension = scenario.indicators.tension;
      if (tension >= threshold)
        return [
          {
            path: ["indicators", "tension"],
            message: `starts at or above the crisis threshold (${threshold}): the first round opens in crisis`,
          },
        ];
      for (const [i, event] of scenario.events.entries()) {
        if (event.round !== 1) continue;
        tension = Math.min(100, Math.max(0, tension + event.effects.tension));
        if (tension >= threshold)
          return [
            {
              path: ["events", i, "effects", "tension"],
              message: `fires in round 1 and takes tension to ${tension}, at or above the crisis threshold (${threshold}): the first round opens in crisis`,
            },
          ];
      }
      return [];
    },
  },
  {
    name: "OptionLabels",
    severity: "warning",
    description: "The options of an issue have different labels, so players can tell them apart.",
    run: (scenario) =>
      scenario.issues.flatMap((issue, i) => {
        const seen = new Set<string>();
        return issue.options.flatMap((option, j) => {
          const label = option.label.trim().toLowerCase();
          if (seen.has(label))
            return [
              {
                path: ["issues", i, "options", j, "label"],
                message: `label '${option.label}' is used twice in this issue`,
              },
            ];
          seen.add(label);
          return [];
        });
      }),
  },
  {
    name: "SourcesListed",
    severity: "warning",
    description: "The scenario lists the sources its briefs' facts come from.",
    run: (scenario) =>
      scenario.sources.length === 0
        ? [{ path: ["sources"], message: "list the documents the briefs' facts come from" }]
        : [],
  },
];
