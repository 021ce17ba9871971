import { z } from "zod";

/**
 * The scenario format: data, not code. One definition serves three uses: validating a
 * scenario file (with file/line/field errors, see parse.ts), typing the engine, and the
 * JSON Schema that editors use while an instructor writes (see jsonSchema.ts). The
 * `.describe()` texts are what an editor shows on hover, so they speak to authors.
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes (e.g. 'trade-deal')")
  .describe("A short identifier: lower-case letters, digits and dashes.");

const text = z.string().trim().min(1, "must not be empty");

/** A 0–100 indicator value. */
const level = z.number().min(0).max(100);

export const partyKinds = ["state", "mediator", "ngo"] as const;

/** The moves that prepare the ground for a creative option. */
export const groundworkMoves = [
  "shareInterests",
  "jointFactFinding",
  "workshop",
  "backChannel",
  "confidenceBuilding",
] as const;

export const PartySchema = z
  .object({
    id: id.describe("The party's id, used in payoffs, measures, rules and events (e.g. 'india')."),
    name: text.describe("The name shown to players, e.g. 'United States'."),
    kind: z
      .enum(partyKinds)
      .default("state")
      .describe(
        "'state': a party to the deal, bound by it and scored by its payoffs. 'mediator' and 'ngo': third parties, not bound by deals, scored by their aims.",
      ),
    publicBrief: text.describe("What every player knows about this party. Facts only from the scenario's sources."),
    confidentialBrief: text.describe(
      "What only this party's player reads: its real priorities, red lines and room to move.",
    ),
    batna: z
      .number()
      .default(0)
      .describe(
        "Points this party gets if there is no agreement (its best alternative). Private. Set it so that a careless agreement falls below it and a good one clears it.",
      ),
    payoffs: z
      .record(z.string(), z.record(z.string(), z.number()))
      .default({})
      .describe(
        "Private points per issue per option: payoffs.ISSUE.OPTION. Every state needs a number for every option; its best package should be worth about 100. Third parties may leave it empty.",
      ),
    aims: z
      .object({
        agreementBonus: z.number().default(0).describe("Points a third party gets if there is any agreement."),
        tensionWeight: z
          .number()
          .default(0)
          .describe("Points per tension point below 50 at the end (negative above 50)."),
      })
      .optional()
      .describe("How a third party (mediator, NGO) scores: points for any agreement and for a calm table."),
  })
  .strict()
  .describe("A seat at the table: a state, a mediator or an NGO.");

export const OptionSchema = z
  .object({
    id: id.describe("The option's id, used in payoffs and legal positions (e.g. 'halve')."),
    label: text.describe("Short label shown in the options grid."),
    description: z.string().optional().describe("A sentence explaining the option, shown on demand."),
  })
  .strict()
  .describe("One way the issue could be settled.");

export const LegalSchema = z
  .object({
    forum: id.describe("The forum (court, tribunal, expert body) that can rule on this issue: an id under forums."),
    positions: z
      .record(z.string(), z.string())
      .describe("Per state party: the option it claims the law requires, e.g. { pakistan: strict-design }."),
    merits: z
      .record(z.string(), z.number().min(0).max(1))
      .describe(
        "Per party with a position: the chance (0–1) that a ruling on its claim goes its way. Lean one way, but not so far that litigation always pays.",
      ),
  })
  .strict()
  .describe("Set when a forum can rule on this issue (judicial settlement).");

export const IssueSchema = z
  .object({
    id: id.describe("The issue's id, used in payoffs and packages (e.g. 'tariffs')."),
    name: text.describe("The issue's name shown to players."),
    description: z.string().optional().describe("What the issue is about, in a sentence or two."),
    statusQuo: id.describe("The option in force today: an id from this issue's options."),
    options: z
      .array(OptionSchema)
      .min(2, "an issue needs at least 2 options")
      .max(6, "an issue has at most 6 options")
      .describe("Two to six options, from one side's preference to the other's."),
    legal: LegalSchema.optional(),
  })
  .strict()
  .describe("Something the parties negotiate over; a package picks one option per issue.");

export const CreativeOptionSchema = z
  .object({
    id: id.describe("The creative option's id."),
    name: text.describe("Its name shown to players once it exists."),
    description: text.describe("What the add-on is, in a sentence or two."),
    bonus: z
      .record(z.string(), z.number())
      .describe("Points per state party when an agreement includes this option (mutual gains: positive for several)."),
    unlock: z
      .object({
        trust: level
          .default(50)
          .describe("Minimum trust (0–100) between the proposer and each other state before it can be proposed."),
        after: z
          .array(z.enum(groundworkMoves))
          .default([])
          .describe("At least one of these moves must have happened at the table first."),
      })
      .strict()
      .default({ trust: 50, after: [] })
      .describe("What it takes to unlock the option with a proposeCreative move."),
  })
  .strict()
  .describe("An extra package add-on that value-creating moves can unlock (mutual gains).");

export const MeasureSchema = z
  .object({
    id: id.describe("The measure's id."),
    name: text.describe("Its name shown to players, e.g. 'Raise tariffs'."),
    description: z.string().optional().describe("What imposing it means, in a sentence."),
    by: id.describe("The state party that can impose this measure."),
    against: id.describe("The state party it targets."),
    maxLevel: z.number().int().min(1).max(5).default(3).describe("How many times it can be escalated (1–5)."),
    damage: z
      .record(z.string(), z.number())
      .describe(
        "BATNA points each party loses per level imposed. Give the imposer a cost too: escalation is lose–lose.",
      ),
    tension: z.number().default(10).describe("Tension added per level imposed."),
  })
  .strict()
  .describe("A coercive measure for competitive bargaining (tariff, export ban).");

export const ForumSchema = z
  .object({
    id: id.describe("The forum's id, named by issues' legal.forum."),
    name: text.describe("Its name shown to players, e.g. 'Court of Arbitration'."),
    jurisdiction: z
      .enum(["compulsory", "consent"])
      .default("consent")
      .describe(
        "'compulsory': a claim goes ahead on filing. 'consent': the respondent must accept jurisdiction first.",
      ),
    roundsToRule: z.number().int().min(1).max(10).default(2).describe("Rounds between a claim and the ruling."),
    binding: z
      .boolean()
      .default(true)
      .describe("A binding ruling fixes the issue's option in any later agreement and in the no-deal outcome."),
  })
  .strict()
  .describe("A court, tribunal or expert body that rules on legal issues (judicial settlement).");

export const EffectsSchema = z
  .object({
    tension: z.number().default(0).describe("Added to the table's tension (negative calms it)."),
    trust: z.number().default(0).describe("Added to the trust of every pair."),
    batna: z.record(z.string(), z.number()).default({}).describe("Added to each named party's BATNA."),
    legitimacy: z.record(z.string(), z.number()).default({}).describe("Added to each named party's legitimacy."),
  })
  .strict()
  .describe("What the event changes.");

export const ScriptedEventSchema = z
  .object({
    id: id.describe("The event's id; the instructor injects it by this id."),
    title: text.describe("A headline."),
    text: text.describe("What players read when the event happens."),
    round: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("Fires at the start of this round; omit it for an event only the instructor injects."),
    issues: z
      .array(id)
      .default([])
      .describe("Issues the event bears on (ids under issues), so that the debrief can tie the shock to them."),
    effects: EffectsSchema.default({ tension: 0, trust: 0, batna: {}, legitimacy: {} }),
  })
  .strict()
  .describe("A scripted shock: at a round, or when the instructor injects it.");

export const AgreementRuleSchema = z
  .discriminatedUnion("rule", [
    z
      .object({ rule: z.literal("all").describe("Every state party must accept.") })
      .strict()
      .describe("Unanimity among the state parties."),
    z
      .object({
        rule: z.literal("qualified").describe("A qualified majority decides."),
        min: z.number().int().min(1).describe("How many state parties must accept."),
        mustInclude: z.array(id).default([]).describe("State parties whose acceptance is always needed."),
        vetoes: z
          .array(id)
          .default([])
          .describe("State parties that block a proposal by rejecting it (e.g. permanent members)."),
      })
      .strict()
      .describe("A qualified majority, optionally with required parties and vetoes."),
  ])
  .default({ rule: "all" })
  .describe("Who must accept a proposal for it to become the agreement.");

export const LensWeightsSchema = z
  .object({
    realist: z
      .object({
        own: z.number().min(0).default(1).describe("Weight of the party's own points."),
        relative: z.number().min(0).default(1).describe("Weight of its points relative to the others'."),
      })
      .strict()
      .default({ own: 1, relative: 1 })
      .describe("Realist lens: own outcome and relative gains only."),
    liberal: z
      .object({
        own: z.number().min(0).default(1).describe("Weight of the party's own points."),
        joint: z.number().min(0).default(1).describe("Weight of the table's joint efficiency."),
        trust: z.number().min(0).default(0.5).describe("Weight of the trust built."),
        legitimacy: z.number().min(0).default(0.5).describe("Weight of the party's legitimacy."),
      })
      .strict()
      .default({ own: 1, joint: 1, trust: 0.5, legitimacy: 0.5 })
      .describe("Liberal-internationalist lens: own outcome plus joint efficiency, trust and legitimacy."),
  })
  .strict()
  .default({
    realist: { own: 1, relative: 1 },
    liberal: { own: 1, joint: 1, trust: 0.5, legitimacy: 0.5 },
  })
  .describe("Weights of the two scoring lenses shown in the debrief.");

export const SourceSchema = z
  .object({
    id: id.describe("The source's id."),
    title: text.describe("The source document: author(s) and title."),
    note: z.string().optional().describe("What this source supports in the scenario (which facts, which briefs)."),
  })
  .strict()
  .describe("A document the scenario's facts come from.");

export const RulesSchema = z
  .object({
    roundLimit: z.number().int().min(2).max(30).default(8).describe("Rounds before the talks end without agreement."),
    batnaErosionPerRound: z
      .number()
      .min(0)
      .default(0)
      .describe("BATNA points every state loses each round (time pressure)."),
    crisisThreshold: level.default(85).describe("Tension above this triggers a crisis: BATNAs and trust fall."),
    agreement: AgreementRuleSchema,
  })
  .strict()
  .default({ roundLimit: 8, batnaErosionPerRound: 0, crisisThreshold: 85, agreement: { rule: "all" } })
  .describe("The table's rules: rounds, time pressure, crisis and agreement rule.");

export const IndicatorsSchema = z
  .object({
    trust: level.default(50).describe("Initial trust (0–100) between every pair of seats."),
    trustPairs: z
      .array(
        z
          .object({
            between: z.tuple([id, id]).describe("The two party ids."),
            value: level.describe("Their initial trust (0–100)."),
          })
          .strict(),
      )
      .default([])
      .describe("Initial trust for particular pairs, overriding `trust`."),
    tension: level.default(40).describe("Initial tension at the table (0–100)."),
    legitimacy: z
      .record(z.string(), level)
      .default({})
      .describe("Initial international standing per party (0–100; default 50)."),
  })
  .strict()
  .default({ trust: 50, trustPairs: [], tension: 40, legitimacy: {} })
  .describe("The relationship indicators at the start.");

/** What each magnitude of a move's effect means, for editors' help. */
const effectFieldHelp = {
  trust: "Trust change (0–100 scale) between the parties concerned.",
  tension: "Tension change at the table (0–100 scale).",
  ultimatumTension: "Tension change when the rejected proposal was an ultimatum.",
  surpriseLegitimacy: "Legitimacy change of a party that imposes a measure it never threatened.",
  tensionShare: "Share (0–1) of the level's tension removed when the measure is lifted.",
  restoreShare: "Share (0–1) of the level's BATNA damage given back when the measure is lifted.",
  rounds: "How many rounds the effect lasts.",
  roundTrust: "Trust gained between the parties each round while mediation is active.",
  answerRounds: "Rounds the respondent has to consent to a consent-based forum.",
  refuseLegitimacy: "Legitimacy change of a respondent that refuses jurisdiction.",
  consentTrust: "Trust change when the respondent consents to jurisdiction.",
  legitimacy: "Legitimacy change of the party making the move.",
  cost: "BATNA points the move costs the party making it.",
  batna: "BATNA change of every party (a crisis hurts everyone).",
} as const;

type EffectField = keyof typeof effectFieldHelp;

/** A magnitude of a move's effect (trust, tension, legitimacy or BATNA points). */
const amount = z.number();
/** A share between 0 and 1. */
const share = z.number().min(0).max(1);
/** A number of rounds. */
const rounds = z.number().int().min(1).max(10);
/** The same fields, each described by what its magnitude means. */
function describedFields<T extends Partial<Record<EffectField, z.ZodNumber>>>(shape: T): T {
  return Object.fromEntries(
    Object.entries(shape).map(([field, schema]) => [field, schema?.describe(effectFieldHelp[field as EffectField])]),
  ) as T;
}
const tweak = <T extends Partial<Record<EffectField, z.ZodNumber>>>(what: string, shape: T) =>
  z.object(describedFields(shape)).partial().strict().describe(`Overrides for ${what}.`);

/**
 * Optional overrides of the engine's default magnitudes, per move (and per proposal framing,
 * ruling and crisis). Leave it out to use the defaults documented in docs/RULES.md.
 */
export const MoveEffectsSchema = z
  .object({
    plain: tweak("a plain proposal", { trust: amount, tension: amount }),
    package: tweak("a package offer (mutual gains)", { trust: amount, tension: amount }),
    anchor: tweak("an anchoring proposal (competitive)", { trust: amount, tension: amount }),
    ultimatum: tweak("an ultimatum (competitive)", { trust: amount, tension: amount }),
    accept: tweak("accepting a proposal", { trust: amount }),
    reject: tweak("rejecting a proposal", { tension: amount, ultimatumTension: amount }),
    walkAway: tweak("walking away", { tension: amount }),
    threaten: tweak("a threat", { trust: amount, tension: amount }),
    impose: tweak("imposing or escalating a measure", { trust: amount, surpriseLegitimacy: amount }),
    liftMeasure: tweak("lifting a measure", { trust: amount, tensionShare: share, restoreShare: share }),
    concede: tweak("a concession", { trust: amount }),
    withhold: tweak("withholding information", { trust: amount, rounds }),
    inviteMediator: tweak("inviting a mediator", { tension: amount }),
    acceptMediation: tweak("accepting mediation", { tension: amount }),
    mediation: tweak("each round of active mediation", { roundTrust: amount }),
    mediatorProposal: tweak("a mediator's proposal", { tension: amount }),
    shuttle: tweak("a mediator's shuttle message", { trust: amount, tension: amount }),
    consentArbitration: tweak("consenting to binding arbitration", { tension: amount }),
    shareInterests: tweak("sharing interests", { trust: amount }),
    proposeCreative: tweak("proposing a creative option", { trust: amount }),
    jointFactFinding: tweak("joint fact-finding", { trust: amount, rounds }),
    fileClaim: tweak("filing a legal claim", { trust: amount, tension: amount, answerRounds: rounds }),
    respondToClaim: tweak("answering a claim", { refuseLegitimacy: amount, consentTrust: amount }),
    ruling: tweak("an unfavourable ruling", { tension: amount }),
    comply: tweak("complying with a ruling", { legitimacy: amount, trust: amount, tension: amount }),
    defy: tweak("defying a ruling", { legitimacy: amount, tension: amount }),
    confidenceBuilding: tweak("a confidence-building measure", { trust: amount, tension: amount, cost: amount }),
    workshop: tweak("a problem-solving workshop", { trust: amount }),
    backChannel: tweak("a back channel (a confidential message to one seat)", { trust: amount, tension: amount }),
    crisis: tweak("a crisis", { batna: amount, trust: amount }),
  })
  .partial()
  .strict()
  .default({})
  .describe("Optional: override the engine's default magnitudes of move effects, e.g. { threaten: { trust: -6 } }.");

export const ScenarioSchema = z
  .object({
    id: id.describe("The scenario's id: the file name without .yaml (e.g. 'indus-waters')."),
    title: text.describe("The title shown in the scenario list."),
    dateContext: text.describe("When the case is set, e.g. 'Spring 2025'."),
    summary: text.describe("A short paragraph every player reads first."),
    recommended: z
      .object({
        seats: z.number().int().min(2).max(8).describe("Human seats recommended; bots fill the rest."),
        minutes: z.number().int().min(10).max(600).describe("Minutes a class needs, briefing and debrief included."),
      })
      .strict()
      .describe("What the scenario suits: seats and duration for a class period."),
    solo: z
      .boolean()
      .default(true)
      .describe(
        "false keeps the scenario for class sessions: it is not offered for solo play against bots, where a student could pick any seat and read its confidential brief. Leave it out (solo play allowed) for a scenario whose briefs are public anyway, as the shipped ones are.",
      ),
    sources: z.array(SourceSchema).default([]).describe("The documents the briefs' facts come from."),
    rules: RulesSchema,
    parties: z.array(PartySchema).min(2).max(8).describe("Two to eight seats."),
    issues: z.array(IssueSchema).min(1).max(8).describe("One to eight issues; about five teach best."),
    creativeOptions: z.array(CreativeOptionSchema).default([]).describe("Add-ons that mutual-gains moves unlock."),
    measures: z.array(MeasureSchema).default([]).describe("Coercive measures for competitive bargaining."),
    forums: z.array(ForumSchema).default([]).describe("Courts and expert bodies for judicial settlement."),
    indicators: IndicatorsSchema,
    events: z.array(ScriptedEventSchema).default([]).describe("Scripted shocks."),
    lenses: LensWeightsSchema,
    moveEffects: MoveEffectsSchema,
  })
  .strict()
  .describe("A Parley negotiation scenario.");

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
/** A session's changes to some of the scenario's lens weights. */
export interface LensOverrides {
  realist?: Partial<LensWeights["realist"]>;
  liberal?: Partial<LensWeights["liberal"]>;
}
export type AgreementRule = z.output<typeof AgreementRuleSchema>;
export type MoveEffects = z.output<typeof MoveEffectsSchema>;
