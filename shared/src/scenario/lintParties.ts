import type { LintCheck } from "./lintCheck.ts";

/** Lints on the seats: briefs, seat counts, third parties' aims and payoffs. */
export const partyChecks: LintCheck[] = [
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
];
