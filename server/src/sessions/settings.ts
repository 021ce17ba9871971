import { botPersonas, textLimits } from "@parley/shared";
import { z } from "zod";

/** The most tables a session may have, set up at once or added later. */
export const maxTables = 200;

const personaIds = () => botPersonas.map((p) => p.id);

const weight = z.number().min(0).max(10);

/** How rounds are timed: a live class with a round clock, or deadlines of hours or days. */
export const TimingSchema = z.discriminatedUnion("mode", [
  z
    .object({
      mode: z.literal("live"),
      /** Length of a round; when it runs out the round advances. */
      roundSeconds: z.number().int().min(1).max(3600).default(300),
    })
    .strict(),
  z
    .object({
      mode: z.literal("async"),
      /** Time each round stays open; fractions allowed (0.5 = 30 minutes). */
      roundHours: z
        .number()
        .min(1 / 3600)
        .max(24 * 30)
        .default(24),
    })
    .strict(),
]);

/** What an instructor chooses when creating a session (the body of POST /api/sessions). */
export const SessionSettingsSchema = z
  .object({
    scenarioId: z.string().min(1).max(64),
    title: z.string().trim().max(textLimits.title).optional(),
    /** The scoring lens shown first in the debrief; both are always computed. */
    lens: z.enum(["realist", "liberal", "both"]).default("both"),
    /** Per-session overrides of the scenario's lens weights. */
    lensWeights: z
      .object({
        realist: z.object({ own: weight, relative: weight }).partial().strict().optional(),
        liberal: z
          .object({ own: weight, joint: weight, trust: weight, legitimacy: weight })
          .partial()
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    timing: TimingSchema.default({ mode: "live", roundSeconds: 300 }),
    /** A fixed number of tables, or "auto" for as many as the class needs. */
    tables: z.union([z.number().int().min(1).max(maxTables), z.literal("auto")]).default("auto"),
    /** Personas for empty seats, used in turn. */
    botPersonas: z
      .array(z.string())
      .min(1)
      .max(8)
      .default(["simple"])
      .superRefine((ids, ctx) => {
        for (const id of ids) {
          if (!personaIds().includes(id)) {
            ctx.addIssue({
              code: "custom",
              message: `'${id}' is not a bot persona. Choose from: ${personaIds().join(", ")}.`,
            });
          }
        }
      }),
    /** Optional class list: students then join with one of these labels. */
    roster: z
      .array(z.string().trim().min(1).max(textLimits.name))
      .max(1000)
      .optional()
      .superRefine((labels, ctx) => {
        if (!labels) return;
        const seen = new Set<string>();
        for (const label of labels) {
          const key = label.toLowerCase();
          if (seen.has(key)) ctx.addIssue({ code: "custom", message: `The roster lists '${label}' twice.` });
          seen.add(key);
        }
      }),
  })
  .strict();

export type SessionSettings = z.output<typeof SessionSettingsSchema>;
export type SessionSettingsInput = z.input<typeof SessionSettingsSchema>;
export type Timing = z.output<typeof TimingSchema>;

/** Milliseconds a round stays open under a timing. */
export function roundLengthMs(timing: Timing): number {
  return timing.mode === "live" ? timing.roundSeconds * 1000 : Math.round(timing.roundHours * 3_600_000);
}
