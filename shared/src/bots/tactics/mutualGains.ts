import type { SeatId } from "../../rules/types.ts";
import { listNames, nameOf, possessive, sharedWith, trustWith } from "../situation.ts";
import { type Context, issueName, n, shareWith, type Tactic } from "./context.ts";

/** Answer an offer of joint fact-finding: join it, or (a hard bargainer) withhold instead. */
export const answerFactFinding: Tactic = (context) => {
  const { situation, parameters } = context;
  const { view, me } = situation;
  const offer = view.factFindings.find(
    (f) => !f.agreed && f.parties[1] === me && situation.counterparts.includes(f.parties[0]),
  );
  if (!offer) return undefined;
  const from = offer.parties[0];
  const who = nameOf(view, from);
  if (parameters.withholdsFromProbes) {
    if (view.withheld.some((w) => w.by === me && w.from === from)) return undefined;
    return {
      move: { kind: "withhold", from },
      rationale: `Withheld information from ${who} instead of joining its fact-finding: it keeps its cards close.`,
    };
  }
  if (!parameters.sharesInterests && parameters.opponentModel !== "learned") return undefined;
  if (context.exploiters.includes(from)) return undefined;
  if (view.withheld.some((w) => (w.by === me && w.from === from) || (w.by === from && w.from === me))) return undefined;
  return {
    move: { kind: "jointFactFinding", with: from, issueId: offer.issueId },
    rationale: `Joined ${possessive(view, from)} joint fact-finding on ${issueName(context, offer.issueId)}: shared facts make a joint solution easier.`,
  };
};

/** Mutual gains: share interests with the parties that have not exploited it, and with an active mediator. */
export const shareInterests: Tactic = (context) => {
  const { situation, parameters } = context;
  const already = sharedWith(situation);
  if (parameters.sharesInterests && !context.stance.guarded && situation.round <= 3) {
    const to = situation.counterparts.filter((s) => !already.has(s) && !context.exploiters.includes(s));
    if (to.length > 0) {
      const decision = shareWith(
        context,
        to,
        `Shared its interests with ${listNames(to.map((s) => nameOf(situation.view, s)))} so that they can trade across issues together.`,
      );
      if (decision) return decision;
    }
  }
  if (situation.mediationActive && parameters.mediation !== "refuse") {
    const to = situation.mediators.filter((s) => !already.has(s));
    if (to.length > 0) {
      return shareWith(
        context,
        to,
        `Confided its interests to the mediator (${to.map((s) => nameOf(situation.view, s)).join(", ")}) so it can look for a fair package.`,
      );
    }
  }
  return undefined;
};

export function creativeCandidates(context: Context) {
  const { view, me } = context.situation;
  const bonus = view.me?.creativeBonus ?? {};
  const coldest = Math.min(...context.situation.counterparts.map((s) => trustWith(view, me, s)));
  const options = view.scenario.creativeOptions
    .filter((c) => !c.unlocked && (bonus[c.id] ?? 0) > 0)
    .sort((a, b) => (bonus[b.id] ?? 0) - (bonus[a.id] ?? 0));
  return options.map((option) => ({
    option,
    coldest,
    groundwork: option.unlock.after.length === 0 || option.unlock.after.some((k) => (view.groundwork[k] ?? 0) > 0),
  }));
}

/** Mutual gains: put a creative option on the table once the groundwork and trust are there. */
export const proposeCreative: Tactic = (context) => {
  if (!context.parameters.proposesCreative || context.situation.counterparts.length === 0) return undefined;
  const ready = creativeCandidates(context).find((c) => c.groundwork && c.coldest >= c.option.unlock.trust);
  if (!ready) return undefined;
  return {
    move: { kind: "proposeCreative", creativeId: ready.option.id },
    rationale: `Proposed the creative option '${ready.option.name}': the groundwork is done and trust (${n(ready.coldest)}) is high enough, and it adds value for both sides.`,
  };
};

/** The groundwork kinds a bot can do itself, in the order an integrator prefers them. */
const groundworkOrder = [
  "shareInterests",
  "jointFactFinding",
  "workshop",
  "backChannel",
  "confidenceBuilding",
] as const;

/**
 * Mutual gains (or Track II): do the groundwork a creative option needs, and build its
 * trust, in a round its standing offer can wait.
 */
export const buildTowardsCreative: Tactic = (context) => {
  const { situation, parameters } = context;
  if (!parameters.proposesCreative || situation.counterparts.length === 0) return undefined;
  if (situation.round > situation.roundLimit - 2) return undefined;
  const { view, me } = situation;
  const blocked = (s: SeatId) =>
    view.withheld.some((w) => (w.by === me && w.from === s) || (w.by === s && w.from === me));
  for (const { option, coldest, groundwork } of creativeCandidates(context)) {
    if (coldest < option.unlock.trust - 15) continue;
    if (groundwork && coldest >= option.unlock.trust) continue;
    const target = situation.counterparts.find((s) => trustWith(view, me, s) === coldest) as SeatId;
    const who = nameOf(view, target);
    const need = groundwork
      ? `trust with ${who} (${n(coldest)}) is still short of what '${option.name}' needs (${option.unlock.trust})`
      : `'${option.name}' needs groundwork first`;
    // A Track II builder convenes workshops; an integrator prefers the moves of mutual gains.
    const kinds = parameters.trackTwoRounds > 0 ? (["workshop", ...groundworkOrder] as const) : groundworkOrder;
    const allowed = (kind: string) => groundwork || option.unlock.after.includes(kind);
    for (const kind of kinds) {
      if (!allowed(kind)) continue;
      if (
        kind === "shareInterests" &&
        !sharedWith(situation).has(target) &&
        !blocked(target) &&
        !context.exploiters.includes(target)
      ) {
        return shareWith(context, [target], `Shared its interests with ${who}: ${need}.`);
      }
      if (
        kind === "jointFactFinding" &&
        parameters.opponentModel === "learned" &&
        !blocked(target) &&
        !context.exploiters.includes(target)
      ) {
        // Any fact-finding between the two on an issue, offered or done, rules that issue out.
        const taken = new Set(
          view.factFindings.filter((f) => f.parties.includes(me) && f.parties.includes(target)).map((f) => f.issueId),
        );
        const issue = view.scenario.issues.find((i) => !i.legal && !taken.has(i.id));
        if (issue) {
          return {
            move: { kind: "jointFactFinding", with: target, issueId: issue.id },
            rationale: `Let its offer stand and offered ${who} joint fact-finding on ${issue.name}: ${need}.`,
          };
        }
      }
      if (kind === "workshop") {
        return {
          move: { kind: "workshop", with: situation.counterparts },
          rationale: `Convened a problem-solving workshop: ${need}.`,
        };
      }
      if (kind === "backChannel") {
        return {
          move: { kind: "backChannel", to: target, text: "Between us: there is a joint option here worth building." },
          rationale: `Opened a back channel to ${who}: ${need}.`,
        };
      }
      if (kind === "confidenceBuilding") {
        return {
          move: { kind: "confidenceBuilding", with: target },
          rationale: `Made a goodwill gesture to ${who}: ${need}.`,
        };
      }
    }
  }
  return undefined;
};
