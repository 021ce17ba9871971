import { analyseScenario, type ScenarioAnalysis } from "./analysis.ts";
import { designChecks } from "./lintDesign.ts";
import type { Scenario } from "./schema.ts";
import type { FieldPath } from "./yamlDocument.ts";

/** What a lint found, before it is located in a file. */
export interface LintFinding {
  path: FieldPath;
  message: string;
}

export interface LintProblem extends LintFinding {
  check: string;
  severity: "error" | "warning";
}

/**
 * A named check beyond the schema. Errors make a scenario invalid (it would not teach, or
 * would not play as written); warnings point at the design guidance of the authoring guide.
 */
export interface LintCheck {
  name: string;
  severity: "error" | "warning";
  /** One line for the authoring guide and `parley validate --help`. */
  description: string;
  run(scenario: Scenario, analysis: ScenarioAnalysis): LintFinding[];
}

const isState = (scenario: Scenario, id: string) => scenario.parties.some((p) => p.id === id && p.kind === "state");
const fmt = (n: number) => String(Math.round(n * 100) / 100);

const structureChecks: LintCheck[] = [
  {
    name: "ConfidentialBriefDiffers",
    severity: "error",
    description: "Every party's confidential brief says something its public brief does not.",
    run: (scenario) =>
      scenario.parties.flatMap((party, i) =>
        party.confidentialBrief.trim().toLowerCase() === party.publicBrief.trim().toLowerCase()
          ? [
              {
                path: ["parties", i, "confidentialBrief"],
                message: "repeats the public brief: give the player its private priorities and room to move",
              },
            ]
          : [],
      ),
  },
  {
    name: "RecommendedSeats",
    severity: "error",
    description: "The recommended number of seats is at most the number of parties.",
    run: (scenario) =>
      scenario.recommended.seats > scenario.parties.length
        ? [
            {
              path: ["recommended", "seats"],
              message: `recommends ${scenario.recommended.seats} seats but the scenario has ${scenario.parties.length} parties`,
            },
          ]
        : [],
  },
  {
    name: "ThirdPartyAims",
    severity: "warning",
    description: "Every mediator and NGO has aims, or it scores 0 whatever happens.",
    run: (scenario) =>
      scenario.parties.flatMap((party, i) =>
        party.kind !== "state" && !party.aims?.agreementBonus && !party.aims?.tensionWeight
          ? [{ path: ["parties", i], message: `a ${party.kind} scores by its aims; without them it scores 0` }]
          : [],
      ),
  },
  {
    name: "ThirdPartyPayoffs",
    severity: "warning",
    description: "Third parties have no payoffs (they are not bound by deals and score by their aims).",
    run: (scenario) =>
      scenario.parties.flatMap((party, i) =>
        party.kind !== "state" && Object.keys(party.payoffs).length > 0
          ? [
              {
                path: ["parties", i, "payoffs"],
                message: `a ${party.kind} is not bound by deals and its payoffs do not score; describe its goals in the brief and set aims`,
              },
            ]
          : [],
      ),
  },
  {
    name: "StateAims",
    severity: "warning",
    description: "Aims are for third parties; a state scores by its payoffs.",
    run: (scenario) =>
      scenario.parties.flatMap((party, i) =>
        party.kind === "state" && party.aims
          ? [
              {
                path: ["parties", i, "aims"],
                message: "a state scores by its payoffs; aims only count for third parties",
              },
            ]
          : [],
      ),
  },
  {
    name: "BatnaBelowBest",
    severity: "error",
    description: "No state's BATNA beats every agreement: its best package is worth more than its BATNA.",
    run: (scenario, analysis) =>
      scenario.parties.flatMap((party, i) => {
        const numbers = analysis.parties[party.id];
        return numbers && numbers.batna >= numbers.best
          ? [
              {
                path: ["parties", i, "batna"],
                message: `BATNA ${fmt(numbers.batna)} is not below this party's best package (${fmt(numbers.best)}): no agreement can tempt it`,
              },
            ]
          : [];
      }),
  },
  {
    name: "AgreementZone",
    severity: "error",
    description: "Some package gives every state needed by the agreement rule more than its BATNA at the start.",
    run: (scenario, analysis) => {
      if (analysis.zone.count > 0) return [];
      const who =
        scenario.rules.agreement.rule === "all"
          ? "every state"
          : "enough states to meet the agreement rule (with every veto holder and required party)";
      return [
        {
          path: ["parties"],
          message: `no package gives ${who} more than its BATNA: lower some BATNAs or make the issues weigh differently for different parties`,
        },
      ];
    },
  },
  {
    name: "IntegrativePotential",
    severity: "error",
    description:
      "The best joint package beats the midpoint compromise (per issue, the option that leaves the worst-off state best off on 0–1 scaled payoffs).",
    run: (_scenario, analysis) =>
      analysis.bestJoint.joint > analysis.midpoint.joint + 1e-9
        ? []
        : [
            {
              path: ["issues"],
              message: `the best joint package (${fmt(analysis.bestJoint.joint)} points) does not beat the midpoint compromise (${fmt(analysis.midpoint.joint)}): there is nothing to gain by trading across issues; make issues matter more to some parties than to others`,
            },
          ],
  },
  {
    name: "LegalPositionsByStates",
    severity: "error",
    description: "Only state parties hold legal positions (third parties cannot file claims).",
    run: (scenario) =>
      scenario.issues.flatMap((issue, i) =>
        Object.keys(issue.legal?.positions ?? {})
          .filter((party) => scenario.parties.some((p) => p.id === party) && !isState(scenario, party))
          .map((party) => ({
            path: ["issues", i, "legal", "positions", party],
            message: `'${party}' is a third party and cannot file a claim; only states hold legal positions`,
          })),
      ),
  },
  {
    name: "LegalMerits",
    severity: "error",
    description: "Every legal issue has merits for exactly the parties that hold a position on it.",
    run: (scenario) =>
      scenario.issues.flatMap((issue, i) => {
        if (!issue.legal) return [];
        const { positions, merits } = issue.legal;
        const missing = Object.keys(positions)
          .filter((party) => merits[party] === undefined)
          .map((party) => ({
            path: ["issues", i, "legal", "merits"],
            message: `no merits for '${party}', which holds a position: give the chance (0–1) that its claim succeeds`,
          }));
        const stray = Object.keys(merits)
          .filter((party) => positions[party] === undefined)
          .map((party) => ({
            path: ["issues", i, "legal", "merits", party],
            message: `merits for '${party}', which holds no position on this issue: add its position or remove the merits`,
          }));
        return [...missing, ...stray];
      }),
  },
  {
    name: "LegalDispute",
    severity: "warning",
    description: "A legal issue has at least two parties claiming different options, or there is nothing to rule on.",
    run: (scenario) =>
      scenario.issues.flatMap((issue, i) => {
        if (!issue.legal) return [];
        const claimed = new Set(Object.values(issue.legal.positions));
        return Object.keys(issue.legal.positions).length < 2 || claimed.size < 2
          ? [
              {
                path: ["issues", i, "legal", "positions"],
                message: "a legal issue needs two parties claiming different options",
              },
            ]
          : [];
      }),
  },
  {
    name: "LegalMeritsLean",
    severity: "warning",
    description: "Legal merits lean one way but not so far (0.1–0.9) that litigation always or never pays.",
    run: (scenario) =>
      scenario.issues.flatMap((issue, i) =>
        Object.entries(issue.legal?.merits ?? {})
          .filter(([, chance]) => chance < 0.1 || chance > 0.9)
          .map(([party, chance]) => ({
            path: ["issues", i, "legal", "merits", party],
            message: `merits of ${fmt(chance)} make the ruling a foregone conclusion: keep them between 0.1 and 0.9`,
          })),
      ),
  },
  {
    name: "UnusedForum",
    severity: "warning",
    description: "Every forum is named by at least one legal issue.",
    run: (scenario) =>
      scenario.forums.flatMap((forum, i) =>
        scenario.issues.some((issue) => issue.legal?.forum === forum.id)
          ? []
          : [
              {
                path: ["forums", i],
                message: `no issue names forum '${forum.id}': add it to an issue's legal or remove it`,
              },
            ],
      ),
  },
  {
    name: "EventTargets",
    severity: "warning",
    description: "Events change BATNAs of states only (third parties have no BATNA that scores).",
    run: (scenario) =>
      scenario.events.flatMap((event, i) =>
        Object.keys(event.effects.batna)
          .filter((party) => scenario.parties.some((p) => p.id === party) && !isState(scenario, party))
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
          ([party, bonus]) => isState(scenario, party) && bonus > 0,
        );
        if (gainers.length < 2) {
          findings.push({
            path: ["creativeOptions", i, "bonus"],
            message: "a creative option should add points for at least two states",
          });
        }
        for (const party of Object.keys(creative.bonus)) {
          if (scenario.parties.some((p) => p.id === party) && !isState(scenario, party)) {
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
    description: "Initial tension is below the crisis threshold.",
    run: (scenario) =>
      scenario.indicators.tension >= scenario.rules.crisisThreshold
        ? [
            {
              path: ["indicators", "tension"],
              message: `starts at or above the crisis threshold (${scenario.rules.crisisThreshold}): the first round opens in crisis`,
            },
          ]
        : [],
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

/** Every lint, in the order they run. */
export const lintChecks: readonly LintCheck[] = [...structureChecks, ...designChecks];

/** Runs every lint over a scenario that passed the schema and reference checks. Pure. */
export function lintScenario(scenario: Scenario, analysis = analyseScenario(scenario)): LintProblem[] {
  return lintChecks.flatMap((check) =>
    check.run(scenario, analysis).map((finding) => ({ ...finding, check: check.name, severity: check.severity })),
  );
}
