import { type ControlAction as SharedControlAction, textLimits } from "@parley/shared";
import { z } from "zod";

/** What an instructor can do to a table (or to every table of a session at once). */
export const ControlActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("start") }).strict(),
  z.object({ action: z.literal("pause") }).strict(),
  z.object({ action: z.literal("resume") }).strict(),
  z.object({ action: z.literal("advanceRound") }).strict(),
  z
    .object({
      action: z.literal("extendDeadline"),
      /** Added to the round's time left; may be fractional (0.5 = 30 seconds). */
      minutes: z
        .number()
        .positive()
        .max(60 * 24 * 14),
    })
    .strict(),
  z.object({ action: z.literal("injectEvent"), eventId: z.string().min(1).max(64) }).strict(),
  z.object({ action: z.literal("broadcast"), text: z.string().trim().min(1).max(textLimits.message) }).strict(),
  z.object({ action: z.literal("replaceWithBot"), seat: z.string().min(1).max(64) }).strict(),
  z.object({ action: z.literal("end"), reason: z.string().trim().max(200).optional() }).strict(),
]);

export type ControlAction = z.output<typeof ControlActionSchema>;

/** The schema accepts exactly what the shared type says (the dashboard builds its controls from it): a compile-time check. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const schemaMatchesSharedType: Same<ControlAction, SharedControlAction> = true;

export type ControlResult = { ok: true } | { ok: false; code: string; message: string };
