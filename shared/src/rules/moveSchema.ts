import { z } from "zod";
import type { Move } from "./types.ts";

/**
 * The shape of every move, checked at the edge before the rules see it: a malformed
 * message is refused with the field that is wrong, and never reaches `validate`.
 */
const seat = z.string().min(1).max(64);
const ref = z.string().min(1).max(64);
const text = z.string().max(2000);

const pkg = z
  .object({
    options: z.record(z.string().max(64), z.string().max(64)),
    creative: z.array(ref).max(16).optional(),
  })
  .strict();

export const MoveSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("propose"),
      to: z.array(seat).min(1).max(8),
      package: pkg,
      framing: z.enum(["plain", "anchor", "ultimatum", "package"]).optional(),
    })
    .strict(),
  z.object({ kind: z.literal("accept"), proposalId: ref }).strict(),
  z.object({ kind: z.literal("reject"), proposalId: ref }).strict(),
  z.object({ kind: z.literal("withdraw"), proposalId: ref }).strict(),
  z.object({ kind: z.literal("chat"), text, to: z.array(seat).max(8).optional() }).strict(),
  z.object({ kind: z.literal("pass") }).strict(),
  z.object({ kind: z.literal("walkAway") }).strict(),
  z.object({ kind: z.literal("threaten"), target: seat, measureId: ref }).strict(),
  z.object({ kind: z.literal("impose"), measureId: ref }).strict(),
  z.object({ kind: z.literal("liftMeasure"), measureId: ref }).strict(),
  z.object({ kind: z.literal("concede"), proposalId: ref, issueId: ref, optionId: ref }).strict(),
  z.object({ kind: z.literal("withhold"), from: seat }).strict(),
  z.object({ kind: z.literal("inviteMediator") }).strict(),
  z.object({ kind: z.literal("acceptMediation") }).strict(),
  z.object({ kind: z.literal("mediatorProposal"), to: z.array(seat).min(1).max(8), package: pkg }).strict(),
  z.object({ kind: z.literal("shuttle"), to: seat, text }).strict(),
  z.object({ kind: z.literal("consentArbitration") }).strict(),
  z
    .object({
      kind: z.literal("shareInterests"),
      to: z.array(seat).min(1).max(8),
      issueIds: z.array(ref).min(1).max(8),
    })
    .strict(),
  z.object({ kind: z.literal("proposeCreative"), creativeId: ref }).strict(),
  z.object({ kind: z.literal("jointFactFinding"), with: seat, issueId: ref }).strict(),
  z.object({ kind: z.literal("fileClaim"), issueId: ref }).strict(),
  z.object({ kind: z.literal("respondToClaim"), claimId: ref, consent: z.boolean() }).strict(),
  z.object({ kind: z.literal("comply"), claimId: ref }).strict(),
  z.object({ kind: z.literal("defy"), claimId: ref }).strict(),
  z.object({ kind: z.literal("confidenceBuilding"), with: seat }).strict(),
  z.object({ kind: z.literal("workshop"), with: z.array(seat).min(1).max(8) }).strict(),
  z.object({ kind: z.literal("backChannel"), to: seat, text }).strict(),
]);

// The schema and the Move type must describe the same thing.
type SchemaMove = z.infer<typeof MoveSchema>;
const _sameShape: [SchemaMove extends Move ? true : false, Move extends SchemaMove ? true : false] = [true, true];
void _sameShape;

/** Parses an untrusted move; the error names the first wrong field. */
export function parseMove(input: unknown): { ok: true; move: Move } | { ok: false; message: string } {
  const result = MoveSchema.safeParse(input);
  if (result.success) return { ok: true, move: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  return { ok: false, message: `Malformed move${path ? ` (${path})` : ""}: ${issue?.message ?? "invalid"}` };
}
