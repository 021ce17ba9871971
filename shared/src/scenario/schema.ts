import { z } from "zod";

/**
 * The scenario format: data, not code. One definition serves three uses: validating a
 * scenario file (with file/line/field errors, see parse.ts), typing the engine, and the
 * JSON Schema that editors use while an instructor writes (see jsonSchema.ts).
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes (e.g. 'trade-deal')")
  .describe("A short identifier: lower-case letters, digits and dashes.");

const text = z.string().trim().min(1, "must not be empty");

/** A 0–100 indicator value. */
const level = z.number().min(0).max(100);

export const partyKinds = ["state", "mediator", "ngo"] as const;

export const PartySchema = z
  .object({
    id,
    name: text.describe("The name shown to players, e.g. 'United States'."),
    kind: z
      .enum(partyKinds)
      .default("state")
      .describe("'state' parties are parties to the deal; 'mediator' and 'ngo' seats are third parties."),
    publicBrief: text.describe("What every player knows about this party."),
    confidentialBrief: text.describe("What only this party's player reads."),
    batna: z
      .number()
      .default(0)
      .describe("Points this party gets if there is no agreement (its best alternative). Private."),
    payoffs: z
      .record(z.string(), z.record(z.string(), z.number()))
      .default({})
      .describe("Private points per issue per option: payoffs.ISSUE.OPTION. Third parties may leave it empty."),
    aims: z
      .object({
        agreementBonus: z.number().default(0),
        tensionWeight: z.number().default(0),
      })
      .optional()
      .describe("For third parties: points for any agreement, and points per tension point below 50 at the end."),
  })
  .strict();

export const OptionSchema = z
  .object({
    id,
    label: text.describe("Short label shown in the options grid."),
    description: z.string().optional(),
  })
  .strict();

export const LegalSchema = z
  .object({
    forum: id.describe("The forum (court, tribunal, expert body) that can rule on this issue."),
    positions: z
      .record(z.string(), z.string())
      .describe("Per party: the option it claims the law requires, e.g. { pakistan: strict-design }."),
    merits: z
      .record(z.string(), z.number().min(0).max(1))
      .describe("Per party: the chance (0–1) that a ruling on its claim goes its way."),
  })
  .strict();

export const IssueSchema = z
  .object({
    id,
    name: text,
    description: z.string().optional(),
    statusQuo: id.describe("The option in force when there is no agreement."),
    options: z.array(OptionSchema).min(2, "an issue needs at least 2 options").max(6, "an issue has at most 6 options"),
    legal: LegalSchema.optional().describe("Set when a forum can rule on this issue (judicial settlement)."),
  })
  .strict();

export const CreativeOptionSchema = z
  .object({
    id,
    name: text,
    description: text,
    bonus: z.record(z.string(), z.number()).describe("Points per party when an agreement includes this option."),
    unlock: z
      .object({
        trust: level.default(50).describe("Minimum trust between the proposer and each other party in the deal."),
        after: z
          .array(z.enum(["shareInterests", "jointFactFinding", "workshop", "backChannel", "confidenceBuilding"]))
          .default([])
          .describe("At least one of these moves must have happened at the table first."),
      })
      .strict()
      .default({ trust: 50, after: [] }),
  })
  .strict();

export const MeasureSchema = z
  .object({
    id,
    name: text,
    description: z.string().optional(),
    by: id.describe("The party that can impose this measure."),
    against: id.describe("The party it targets."),
    maxLevel: z.number().int().min(1).max(5).default(3),
    damage: z.record(z.string(), z.number()).describe("BATNA points each party loses per level imposed."),
    tension: z.number().default(10).describe("Tension added per level imposed."),
  })
  .strict();

export const ForumSchema = z
  .object({
    id,
    name: text,
    jurisdiction: z
      .enum(["compulsory", "consent"])
      .default("consent")
      .describe("'consent': the respondent must accept jurisdiction before the case goes ahead."),
    roundsToRule: z.number().int().min(1).max(10).default(2),
    binding: z.boolean().default(true),
  })
  .strict();

export const EffectsSchema = z
  .object({
    tension: z.number().default(0),
    trust: z.number().default(0).describe("Added to the trust of every pair."),
    batna: z.record(z.string(), z.number()).default({}),
    legitimacy: z.record(z.string(), z.number()).default({}),
  })
  .strict();

export const ScriptedEventSchema = z
  .object({
    id,
    title: text,
    text: text.describe("What players read when the event happens."),
    round: z.number().int().min(1).optional().describe("Fires at the start of this round; omit for instructor-only."),
    effects: EffectsSchema.default({ tension: 0, trust: 0, batna: {}, legitimacy: {} }),
  })
  .strict();

export const AgreementRuleSchema = z
  .discriminatedUnion("rule", [
    z.object({ rule: z.literal("all") }).strict(),
    z
      .object({
        rule: z.literal("qualified"),
        min: z.number().int().min(1).describe("Parties that must accept."),
        mustInclude: z.array(id).default([]).describe("Parties whose acceptance is always needed."),
        vetoes: z.array(id).default([]).describe("Parties that can block by rejecting (permanent members)."),
      })
      .strict(),
  ])
  .default({ rule: "all" });

export const LensWeightsSchema = z
  .object({
    realist: z
      .object({ own: z.number().min(0).default(1), relative: z.number().min(0).default(1) })
      .strict()
      .default({ own: 1, relative: 1 }),
    liberal: z
      .object({
        own: z.number().min(0).default(1),
        joint: z.number().min(0).default(1),
        trust: z.number().min(0).default(0.5),
        legitimacy: z.number().min(0).default(0.5),
      })
      .strict()
      .default({ own: 1, joint: 1, trust: 0.5, legitimacy: 0.5 }),
  })
  .strict()
  .default({
    realist: { own: 1, relative: 1 },
    liberal: { own: 1, joint: 1, trust: 0.5, legitimacy: 0.5 },
  });

/** A magnitude of a move's effect (trust, tension, legitimacy or BATNA points). */
const amount = z.number();
/** A share between 0 and 1. */
const share = z.number().min(0).max(1);
/** A number of rounds. */
const rounds = z.number().int().min(1).max(10);
const tweak = <T extends z.ZodRawShape>(shape: T) => z.object(shape).partial().strict();

/**
 * Optional overrides of the engine's default magnitudes, per move (and per proposal framing,
 * ruling and crisis). Leave it out to use the defaults documented in docs/RULES.md.
 */
export const MoveEffectsSchema = z
  .object({
    plain: tweak({ trust: amount, tension: amount }),
    package: tweak({ trust: amount, tension: amount }),
    anchor: tweak({ trust: amount, tension: amount }),
    ultimatum: tweak({ trust: amount, tension: amount }),
    accept: tweak({ trust: amount }),
    reject: tweak({ tension: amount, ultimatumTension: amount }),
    walkAway: tweak({ tension: amount }),
    threaten: tweak({ trust: amount, tension: amount }),
    impose: tweak({ trust: amount, surpriseLegitimacy: amount }),
    liftMeasure: tweak({ trust: amount, tensionShare: share, restoreShare: share }),
    concede: tweak({ trust: amount }),
    withhold: tweak({ trust: amount, rounds }),
    inviteMediator: tweak({ tension: amount }),
    acceptMediation: tweak({ tension: amount }),
    mediation: tweak({ roundTrust: amount }),
    mediatorProposal: tweak({ tension: amount }),
    shuttle: tweak({ trust: amount, tension: amount }),
    consentArbitration: tweak({ tension: amount }),
    shareInterests: tweak({ trust: amount }),
    proposeCreative: tweak({ trust: amount }),
    jointFactFinding: tweak({ trust: amount, rounds }),
    fileClaim: tweak({ trust: amount, tension: amount, answerRounds: rounds }),
    respondToClaim: tweak({ refuseLegitimacy: amount, consentTrust: amount }),
    ruling: tweak({ tension: amount }),
    comply: tweak({ legitimacy: amount, trust: amount, tension: amount }),
    defy: tweak({ legitimacy: amount, tension: amount }),
    confidenceBuilding: tweak({ trust: amount, tension: amount, cost: amount }),
    workshop: tweak({ trust: amount }),
    backChannel: tweak({ trust: amount, tension: amount }),
    crisis: tweak({ batna: amount, trust: amount }),
  })
  .partial()
  .strict()
  .default({})
  .describe("Optional: override the engine's default magnitudes of move effects, e.g. { threaten: { trust: -6 } }.");

export const ScenarioSchema = z
  .object({
    id,
    title: text,
    dateContext: text.describe("When the case is set, e.g. 'Spring 2025'."),
    summary: text,
    recommended: z
      .object({
        seats: z.number().int().min(2).max(8),
        minutes: z.number().int().min(10).max(600),
      })
      .strict(),
    sources: z.array(z.object({ id, title: text, note: z.string().optional() }).strict()).default([]),
    rules: z
      .object({
        roundLimit: z.number().int().min(2).max(30).default(8),
        batnaErosionPerRound: z.number().min(0).default(0),
        crisisThreshold: level.default(85),
        agreement: AgreementRuleSchema,
      })
      .strict()
      .default({ roundLimit: 8, batnaErosionPerRound: 0, crisisThreshold: 85, agreement: { rule: "all" } }),
    parties: z.array(PartySchema).min(2).max(8),
    issues: z.array(IssueSchema).min(1).max(8),
    creativeOptions: z.array(CreativeOptionSchema).default([]),
    measures: z.array(MeasureSchema).default([]),
    forums: z.array(ForumSchema).default([]),
    indicators: z
      .object({
        trust: level.default(50).describe("Initial trust between every pair of seats."),
        trustPairs: z
          .array(z.object({ between: z.tuple([id, id]), value: level }).strict())
          .default([])
          .describe("Initial trust for particular pairs."),
        tension: level.default(40),
        legitimacy: z.record(z.string(), level).default({}).describe("Initial standing per party (default 50)."),
      })
      .strict()
      .default({ trust: 50, trustPairs: [], tension: 40, legitimacy: {} }),
    events: z.array(ScriptedEventSchema).default([]),
    lenses: LensWeightsSchema,
    moveEffects: MoveEffectsSchema,
  })
  .strict();

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Party = z.output<typeof PartySchema>;
export type Issue = z.output<typeof IssueSchema>;
export type IssueOption = z.output<typeof OptionSchema>;
export type CreativeOption = z.output<typeof CreativeOptionSchema>;
export type Measure = z.output<typeof MeasureSchema>;
export type Forum = z.output<typeof ForumSchema>;
export type ScriptedEvent = z.output<typeof ScriptedEventSchema>;
export type Effects = z.output<typeof EffectsSchema>;
export type LensWeights = z.output<typeof LensWeightsSchema>;
export type AgreementRule = z.output<typeof AgreementRuleSchema>;
export type MoveEffects = z.output<typeof MoveEffectsSchema>;
