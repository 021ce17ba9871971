import type { Approach, Framing } from "./types.ts";

/** A proposal's framing decides its approach: anchors and ultimatums are competitive bargaining. */
export function framingApproach(framing: Framing | undefined): Approach {
  if (framing === "anchor" || framing === "ultimatum") return "competitive";
  if (framing === "package") return "mutualGains";
  return "universal";
}
