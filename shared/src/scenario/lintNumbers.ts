import { formatPoints, type LintCheck } from "./lintCheck.ts";

/** Lints on the numbers that make a deal possible and worth finding (see analysis.ts). */
export const numberChecks: LintCheck[] = [
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
                message: `BATNA ${formatPoints(numbers.batna)} is not below this party's best package (${formatPoints(numbers.best)}): no agreement can tempt it`,
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
              message: `the best joint package (${formatPoints(analysis.bestJoint.joint)} points) does not beat the midpoint compromise (${formatPoints(analysis.midpoint.joint)}): there is nothing to gain by trading across issues; make issues matter more to some parties than to others`,
            },
          ],
  },
];
