import type { ScenarioAnalysis } from "./analysis.ts";
import { formatPoints, type LintCheck } from "./lintCheck.ts";
import type { Scenario } from "./schema.ts";

/**
 * The design guidance of the authoring guide as warnings: the structure that makes a
 * multi-issue case teach (scale, walk-away pressure, logrolling, compatible and purely
 * distributive issues). A scenario may break one on purpose; the warning says what it loses.
 */

/** How much more an issue must matter to one state than to the other to count as a trade. */
const logrollRatio = 1.5;
/** The share of packages in the agreement zone below which a deal is hard to find, and above which any deal will do. */
const zoneShare = { min: 0.02, max: 0.6 };
/** The simple bots enumerate every package; past this many they slow down. */
const packageLimit = 50_000;

function payoffsOf(scenario: Scenario, party: string, issueIndex: number): number[] {
  const issue = scenario.issues[issueIndex];
  const table = scenario.parties.find((p) => p.id === party)?.payoffs[issue?.id ?? ""] ?? {};
  return (issue?.options ?? []).map((o) => table[o.id] ?? 0);
}

/** True when the two states rank every pair of options in opposite orders (one's gain is the other's loss). */
function strictlyOpposed(a: number[], b: number[]): boolean {
  if (Math.max(...a) === Math.min(...a)) return false;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const da = Math.sign((a[i] ?? 0) - (a[j] ?? 0));
      const db = Math.sign((b[i] ?? 0) - (b[j] ?? 0));
      if (da !== -db) return false;
    }
  }
  return true;
}

function conflicting(analysis: ScenarioAnalysis, issueId: string, x: string, y: string): boolean {
  const best = analysis.issues[issueId]?.bestOptions;
  const bx = best?.[x] ?? [];
  const by = best?.[y] ?? [];
  return !bx.some((o) => by.includes(o));
}

export function findLogrollingPair(
  scenario: Scenario,
  analysis: ScenarioAnalysis,
): { states: [string, string]; issues: [string, string] } | undefined {
  const { states } = analysis;
  for (const x of states) {
    for (const y of states) {
      if (x === y) continue;
      for (const a of scenario.issues) {
        for (const b of scenario.issues) {
          if (a.id === b.id) continue;
          const stakesA = analysis.issues[a.id]?.stakes ?? {};
          const stakesB = analysis.issues[b.id]?.stakes ?? {};
          const xa = stakesA[x] ?? 0;
          const ya = stakesA[y] ?? 0;
          const xb = stakesB[x] ?? 0;
          const yb = stakesB[y] ?? 0;
          if (
            conflicting(analysis, a.id, x, y) &&
            conflicting(analysis, b.id, x, y) &&
            xa > 0 &&
            yb > 0 &&
            xa >= logrollRatio * ya &&
            yb >= logrollRatio * xb
          ) {
            return { states: [x, y], issues: [a.id, b.id] };
          }
        }
      }
    }
  }
  return undefined;
}

export const designChecks: LintCheck[] = [
  {
    name: "BestPackageScale",
    severity: "warning",
    description: "Each state's best package is worth about 100 points (60–150), so scores compare across scenarios.",
    run: (scenario, analysis) =>
      scenario.parties.flatMap((party, i) => {
        const best = analysis.parties[party.id]?.best;
        return best !== undefined && (best < 60 || best > 150)
          ? [
              {
                path: ["parties", i, "payoffs"],
                message: `the best package is worth ${formatPoints(best)}; aim for about 100`,
              },
            ]
          : [];
      }),
  },
  {
    name: "BatnaAboveWorst",
    severity: "warning",
    description: "Each state's BATNA is above its worst package, so a careless agreement can fall below it.",
    run: (scenario, analysis) =>
      scenario.parties.flatMap((party, i) => {
        const numbers = analysis.parties[party.id];
        return numbers && numbers.batna <= numbers.worst
          ? [
              {
                path: ["parties", i, "batna"],
                message: `BATNA ${formatPoints(numbers.batna)} is not above the worst package (${formatPoints(numbers.worst)}): any agreement beats walking away`,
              },
            ]
          : [];
      }),
  },
  {
    name: "AgreementZoneSize",
    severity: "warning",
    description: `The agreement zone holds ${100 * zoneShare.min}–${100 * zoneShare.max}% of the packages: findable, but not so large that any package clears every BATNA.`,
    run: (_scenario, analysis) => {
      const { count } = analysis.zone;
      const share = count / analysis.packageCount;
      const shown = `${count} of ${analysis.packageCount} packages (${Math.round(1000 * share) / 10}%)`;
      if (count === 0 || (share >= zoneShare.min && share <= zoneShare.max)) return [];
      return [
        {
          path: ["parties"],
          message:
            share < zoneShare.min
              ? `the agreement zone holds only ${shown}: students will rarely find a deal; lower some BATNAs`
              : `the agreement zone holds ${shown}: almost any package clears every BATNA, so a careless deal costs nothing; raise the BATNAs (about 40–50 of a best package of 100)`,
        },
      ];
    },
  },
  {
    name: "IssueMatters",
    severity: "warning",
    description: "Every issue matters to at least one state (its payoffs differ across options).",
    run: (scenario, analysis) =>
      scenario.issues.flatMap((issue, i) =>
        Object.values(analysis.issues[issue.id]?.stakes ?? {}).some((stake) => stake > 0)
          ? []
          : [
              {
                path: ["issues", i],
                message: "every option is worth the same to every state: the issue changes nothing",
              },
            ],
      ),
  },
  {
    name: "OneIssueDecides",
    severity: "warning",
    description:
      "No issue is more than half of what is at stake for every state (its best minus worst option, against the sum over all issues), so the other issues can make up for it.",
    run: (scenario, analysis) =>
      scenario.issues.flatMap((issue, i) => {
        const shares = analysis.states.map((state) => {
          const total = Object.values(analysis.issues).reduce((sum, profile) => sum + (profile.stakes[state] ?? 0), 0);
          return { state, share: total > 0 ? (analysis.issues[issue.id]?.stakes[state] ?? 0) / total : 0 };
        });
        if (!shares.every(({ share }) => share > 0.5)) return [];
        const named = shares
          .map(
            ({ state, share }) =>
              `${scenario.parties.find((p) => p.id === state)?.name ?? state} ${Math.round(100 * share)}%`,
          )
          .join(", ");
        return [
          {
            path: ["issues", i],
            message: `this issue is more than half of what is at stake for every state (${named}): the other issues cannot make up for it, so the talks come down to this one; give it fewer points, or the other issues more`,
          },
        ];
      }),
  },
  {
    name: "LogrollingPair",
    severity: "warning",
    description: `Two issues and two states conflict on both, the first matters ${logrollRatio}× more to one state and the second ${logrollRatio}× more to the other (trading beats splitting).`,
    run: (scenario, analysis) =>
      findLogrollingPair(scenario, analysis)
        ? []
        : [
            {
              path: ["issues"],
              message:
                "no logrolling pair: make one contested issue matter much more to one state and another to a different state",
            },
          ],
  },
  {
    name: "CompatibleIssue",
    severity: "warning",
    description:
      "On at least one issue every state secretly likes the same option best (fixed-pie negotiators miss it).",
    run: (scenario, analysis) => {
      const compatible = scenario.issues.some((issue) => {
        const profile = analysis.issues[issue.id];
        if (!profile || !Object.values(profile.stakes).some((s) => s > 0)) return false;
        return issue.options.some((o) => analysis.states.every((s) => profile.bestOptions[s]?.includes(o.id)));
      });
      return compatible
        ? []
        : [
            {
              path: ["issues"],
              message: "no compatible issue: give every state the same favourite option on one issue",
            },
          ];
    },
  },
  {
    name: "DistributiveIssue",
    severity: "warning",
    description:
      "On at least one issue two states rank every option in opposite orders (one's gain is the other's loss).",
    run: (scenario, analysis) => {
      const found = scenario.issues.some((_, i) =>
        analysis.states.some((x) =>
          analysis.states.some((y) => x < y && strictlyOpposed(payoffsOf(scenario, x, i), payoffsOf(scenario, y, i))),
        ),
      );
      return found
        ? []
        : [
            {
              path: ["issues"],
              message: "no purely distributive issue: competitive bargaining has nothing to fight over",
            },
          ];
    },
  },
  {
    name: "PackageCount",
    severity: "warning",
    description: `At most ${packageLimit.toLocaleString("en")} packages (the product of the issues' option counts), so bots stay fast.`,
    run: (_scenario, analysis) =>
      analysis.packageCount > packageLimit
        ? [
            {
              path: ["issues"],
              message: `${analysis.packageCount} packages; bots enumerate them all, keep it under ${packageLimit}`,
            },
          ]
        : [],
  },
];
