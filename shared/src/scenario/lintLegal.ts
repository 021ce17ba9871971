import { formatPoints, isStateParty, type LintCheck } from "./lintCheck.ts";

/** Lints on judicial settlement: legal positions, merits and forums. */
export const legalChecks: LintCheck[] = [
  {
    name: "LegalPositionsByStates",
    severity: "error",
    description: "Only state parties hold legal positions (third parties cannot file claims).",
    run: (scenario) =>
      scenario.issues.flatMap((issue, i) =>
        Object.keys(issue.legal?.positions ?? {})
          .filter((party) => scenario.parties.some((p) => p.id === party) && !isStateParty(scenario, party))
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
            message: `merits of ${formatPoints(chance)} make the ruling a foregone conclusion: keep them between 0.1 and 0.9`,
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
];
