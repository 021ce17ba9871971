import type { SeatId } from "../../rules/types.ts";
import { nameOf, trustWith } from "../situation.ts";
import { n, type Tactic } from "./context.ts";

/** Track II first: a workshop, then confidence-building, then back channels, for the persona's opening rounds. */
export const trackTwoOpening: Tactic = (context) => {
  const { parameters, situation } = context;
  if (situation.round > parameters.trackTwoRounds || situation.counterparts.length === 0) return undefined;
  const { view, me } = situation;
  const coldest = [...situation.counterparts].sort(
    (a, b) => trustWith(view, me, a) - trustWith(view, me, b),
  )[0] as SeatId;
  const step = situation.round % 3;
  if (step === 1) {
    return {
      move: { kind: "workshop", with: situation.counterparts },
      rationale: `Convened a problem-solving workshop before bargaining: trust (${n(context.stance.trust)}) is too low for a deal to hold.`,
    };
  }
  if (step === 2) {
    return {
      move: { kind: "confidenceBuilding", with: coldest },
      rationale: `Made a goodwill gesture to ${nameOf(view, coldest)}, the party it trusts least (${n(trustWith(view, me, coldest))}), to make a later agreement possible.`,
    };
  }
  return {
    move: {
      kind: "backChannel",
      to: coldest,
      text: "Off the record: we want this to work. Tell us what you need most.",
    },
    rationale: `Opened a back channel to ${nameOf(view, coldest)} to build trust before the formal bargaining.`,
  };
};
