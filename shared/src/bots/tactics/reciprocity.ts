import { hasDone, lastMoveBy, nameOf, possessive, sharedWith } from "../situation.ts";
import { measuresOf, shareWith, type Tactic } from "./context.ts";

/** Tit-for-tat: answer the latest pressure in kind (a measure for a measure, a threat for a threat). */
export const answerPressureInKind: Tactic = (context) => {
  const { parameters, situation } = context;
  const pressure = context.recentPressures.at(-1);
  if (!parameters.mirrorsApproach || !pressure) return undefined;
  const who = nameOf(situation.view, pressure.by);
  const mine = measuresOf(context, pressure.by).filter((m) => m.level < m.maxLevel);
  const measure = mine[0];
  if (pressure.kind === "impose" && measure) {
    return {
      move: { kind: "impose", measureId: measure.id },
      rationale: `Answered ${possessive(situation.view, pressure.by)} measure in kind with ${measure.name}: tit-for-tat returns pressure for pressure.`,
    };
  }
  if (pressure.kind === "threaten" && measure) {
    return {
      move: { kind: "threaten", target: pressure.by, measureId: measure.id },
      rationale: `Answered ${possessive(situation.view, pressure.by)} threat with a threat of its own (${measure.name}): tit-for-tat.`,
    };
  }
  if (
    pressure.kind === "withhold" &&
    !situation.view.withheld.some((w) => w.by === situation.me && w.from === pressure.by)
  ) {
    return {
      move: { kind: "withhold", from: pressure.by },
      rationale: `Withheld information from ${who}, who had withheld from it: tit-for-tat.`,
    };
  }
  return undefined;
};

/** Tit-for-tat: answer cooperation in kind (lift a measure, share back, return a gesture). */
export const answerCooperationInKind: Tactic = (context) => {
  const { parameters, situation } = context;
  if (!parameters.mirrorsApproach || context.recentPressures.length > 0) return undefined;
  for (const seat of situation.counterparts) {
    const last = lastMoveBy(situation.view, seat);
    if (!last || last.round < situation.round - 1) continue;
    const who = nameOf(situation.view, seat);
    const inForce = measuresOf(context, seat).find((m) => m.level > 0);
    if (inForce && (last.kind === "liftMeasure" || last.approach === "mutualGains" || last.approach === "trackTwo")) {
      return {
        move: { kind: "liftMeasure", measureId: inForce.id },
        rationale: `Lifted ${inForce.name} because ${who} made a cooperative move: tit-for-tat returns goodwill for goodwill.`,
      };
    }
    if (last.kind === "shareInterests" && !sharedWith(situation).has(seat)) {
      return shareWith(
        context,
        [seat],
        `${who} shared its interests with it, so it shared its own back (tit-for-tat).`,
      );
    }
    if (last.kind === "confidenceBuilding" && !hasDone(situation, "confidenceBuilding")) {
      return {
        move: { kind: "confidenceBuilding", with: seat },
        rationale: `Returned ${possessive(situation.view, seat)} goodwill gesture with one of its own (tit-for-tat).`,
      };
    }
  }
  return undefined;
};
