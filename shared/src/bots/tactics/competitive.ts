import { unit } from "../dice.ts";
import { hasDone, nameOf } from "../situation.ts";
import { measuresOf, type Tactic } from "./context.ts";

/** Competitive bargaining: threaten a measure early. */
export const threaten: Tactic = (context) => {
  const { situation, parameters } = context;
  if (!parameters.threatens || situation.round > 3 || !hasDone(situation, "propose")) return undefined;
  const { view, me } = situation;
  const measure = measuresOf(context).find(
    (m) => m.level < m.maxLevel && !view.threats.some((t) => t.by === me && t.measureId === m.id),
  );
  if (!measure || view.threats.some((t) => t.by === me)) return undefined;
  return {
    move: { kind: "threaten", target: measure.against, measureId: measure.id },
    rationale: `Threatened ${nameOf(view, measure.against)} with ${measure.name} to raise the cost of refusing its terms.`,
  };
};

/** Competitive bargaining: escalate a threatened measure when its proposals were refused. */
export const escalate: Tactic = (context) => {
  const { situation, parameters, dice } = context;
  if (!parameters.escalatesWhenRefused || situation.lastRound) return undefined;
  const { view, me } = situation;
  const mine = view.proposals.filter((p) => p.by === me);
  const last = mine.at(-1);
  const refused = last !== undefined && (last.status === "rejected" || last.status === "expired");
  const pressed = context.recentPressures.length > 0;
  if (!refused && !pressed) return undefined;
  const imposed = view.log.filter((e) => e.by === me && e.kind === "impose").length;
  if (imposed >= 2 || unit(dice, situation.round, "escalate") > 0.7) return undefined;
  const measure = measuresOf(context).find(
    (m) => m.level < m.maxLevel && view.threats.some((t) => t.by === me && t.measureId === m.id),
  );
  if (!measure) return undefined;
  const why = refused ? "its proposal was refused after its threat" : "it was pressed and answers pressure with more";
  return {
    move: { kind: "impose", measureId: measure.id },
    rationale: `Escalated: imposed ${measure.name} on ${nameOf(view, measure.against)} because ${why}.`,
  };
};
