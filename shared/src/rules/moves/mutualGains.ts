import type { CreativeOption } from "../../scenario/schema.ts";
import { namedSeatChecks, present, statesOnly } from "../checks.ts";
import { addLog } from "../draft.ts";
import { doneTogether, offerOpenUntil, openOffer } from "../factFinding.ts";
import { countGroundwork } from "../groundwork.ts";
import { addTrust, addTrustWith, trustBetween } from "../indicators.ts";
import { magnitude } from "../magnitudes.ts";
import { type Check, check, defineMove } from "../moveRule.ts";
import { isDealParty, issueName, seatName, seatNames } from "../names.ts";
import { activeStates } from "../seats.ts";
import type { GameState, SeatId } from "../types.ts";
import { withholding } from "../withholding.ts";

function reveal(draft: GameState, owner: SeatId, reader: SeatId, issueIds: string[]): void {
  const readers = draft.families.revealed[owner] ?? {};
  readers[reader] = [...new Set([...(readers[reader] ?? []), ...issueIds])];
  draft.families.revealed[owner] = readers;
}

/** Neither side may be withholding information from the other. */
function notWithheld<M>(pick: (move: M) => SeatId[]): Check<M>[] {
  return [
    check<M>("YouWithhold", (state, seat, move) => {
      const other = pick(move).find((s) => withholding(state, seat, s));
      const w = other ? withholding(state, seat, other) : undefined;
      return other && w
        ? `You are withholding information from ${seatName(state, other)} until the end of round ${w.untilRound}.`
        : null;
    }),
    check<M>("TheyWithhold", (state, seat, move) => {
      const other = pick(move).find((s) => withholding(state, s, seat));
      const w = other ? withholding(state, other, seat) : undefined;
      return other && w
        ? `${seatName(state, other)} is withholding information from you until the end of round ${w.untilRound}.`
        : null;
    }),
  ];
}

const knownIssue = <M extends { issueId: string }>(): Check<M> =>
  check<M>("UnknownIssue", (state, _seat, move) =>
    state.scenario.issues.some((i) => i.id === move.issueId)
      ? null
      : `'${move.issueId}' is not an issue of this scenario.`,
  );

export const shareInterests = defineMove("shareInterests", {
  approach: "mutualGains",
  summary:
    "Show chosen parties your points on chosen issues: builds trust and opens creative options, but a hard bargainer can use what you reveal.",
  main: true,
  preconditions: [statesOnly("share interests")],
  candidates: {
    of: (state, seat) =>
      present(state, seat).map((other) => ({
        kind: "shareInterests",
        to: [other],
        issueIds: state.scenario.issues.map((i) => i.id),
      })),
  },
  checks: [
    ...namedSeatChecks<{ to: SeatId[] }>((m) => m.to, "party to share with"),
    check("NoIssueChosen", (_s, _seat, move) =>
      move.issueIds.length > 0 ? null : "Choose at least one issue to share.",
    ),
    check("UnknownIssue", (state, _seat, move) => {
      const unknown = move.issueIds.find((id) => !state.scenario.issues.some((i) => i.id === id));
      return unknown ? `'${unknown}' is not an issue of this scenario.` : null;
    }),
    ...notWithheld<{ to: SeatId[] }>((m) => m.to),
    check("AlreadyShared", (state, seat, move) => {
      const readers = state.families.revealed[seat] ?? {};
      const news = move.to.some((r) => move.issueIds.some((id) => !(readers[r] ?? []).includes(id)));
      return news ? null : `You have already shared these interests with ${seatNames(state, move.to)}.`;
    }),
  ],
  apply(draft, seat, move, seq) {
    const to = [...new Set(move.to)];
    const issueIds = [...new Set(move.issueIds)];
    for (const reader of to) reveal(draft, seat, reader, issueIds);
    addTrustWith(draft, seat, to, magnitude(draft, "shareInterests").trust);
    countGroundwork(draft, "shareInterests");
    addLog(draft, {
      seq,
      by: seat,
      kind: "shareInterests",
      approach: "mutualGains",
      text: `${seatName(draft, seat)} shares its interests on ${issueIds.map((id) => issueName(draft, id)).join(", ")} with ${seatNames(draft, to)}.`,
      visibleTo: [seat, ...to],
    });
  },
});

const groundworkWords: Record<string, string> = {
  shareInterests: "sharing interests",
  jointFactFinding: "joint fact-finding",
  workshop: "a workshop",
  backChannel: "a back channel",
  confidenceBuilding: "a confidence-building measure",
};

function creativeOf(state: GameState, id: string): CreativeOption | undefined {
  return state.scenario.creativeOptions.find((c) => c.id === id);
}

export const proposeCreative = defineMove("proposeCreative", {
  approach: "mutualGains",
  summary:
    "Put a creative option on the table (needs groundwork such as shared interests, and enough trust); once unlocked it can join any package and adds points.",
  main: true,
  preconditions: [
    check<unknown>("NoCreativeOptions", (state) =>
      state.scenario.creativeOptions.length > 0 ? null : "This scenario has no creative options.",
    ),
    check<unknown>("AllUnlocked", (state) =>
      state.scenario.creativeOptions.some((c) => !state.families.unlocked.includes(c.id))
        ? null
        : "Every creative option is already unlocked: add them to your packages.",
    ),
  ],
  checks: [
    check("UnknownCreativeOption", (state, _seat, move) =>
      creativeOf(state, move.creativeId) ? null : `'${move.creativeId}' is not a creative option of this scenario.`,
    ),
    check("AlreadyUnlocked", (state, _seat, move) =>
      state.families.unlocked.includes(move.creativeId)
        ? `${creativeOf(state, move.creativeId)?.name ?? move.creativeId} is already unlocked: add it to a package.`
        : null,
    ),
    check("NeedsGroundwork", (state, _seat, move) => {
      const creative = creativeOf(state, move.creativeId);
      if (!creative || creative.unlock.after.length === 0) return null;
      if (creative.unlock.after.some((kind) => (state.families.groundwork[kind] ?? 0) > 0)) return null;
      const words = creative.unlock.after.map((k) => groundworkWords[k] ?? k);
      return `${creative.name} needs groundwork first: ${words.join(" or ")} must have happened at this table.`;
    }),
    check("NotEnoughTrust", (state, seat, move) => {
      const creative = creativeOf(state, move.creativeId);
      if (!creative) return null;
      const short = activeStates(state).find((s) => s !== seat && trustBetween(state, seat, s) < creative.unlock.trust);
      if (!short) return null;
      const trust = Math.round(trustBetween(state, seat, short));
      return `Trust between you and ${seatName(state, short)} is ${trust}; ${creative.name} needs ${creative.unlock.trust}.`;
    }),
  ],
  candidates: {
    of: (state) =>
      state.scenario.creativeOptions
        .filter((c) => !state.families.unlocked.includes(c.id))
        .map((c) => ({ kind: "proposeCreative", creativeId: c.id })),
  },
  apply(draft, seat, move, seq) {
    const creative = creativeOf(draft, move.creativeId);
    if (!creative) return;
    draft.families.unlocked.push(creative.id);
    addTrustWith(
      draft,
      seat,
      activeStates(draft).filter((s) => s !== seat),
      magnitude(draft, "proposeCreative").trust,
    );
    addLog(draft, {
      seq,
      by: seat,
      kind: "proposeCreative",
      approach: "mutualGains",
      text: `${seatName(draft, seat)} proposes a creative option: ${creative.name}. ${creative.description} It can now be part of any package.`,
      visibleTo: "all",
    });
  },
});

export const jointFactFinding = defineMove("jointFactFinding", {
  approach: "mutualGains",
  summary:
    "Study an issue together with another party (both must choose it within two rounds): on a legal issue you both learn the legal merits, otherwise each other's points on it.",
  main: true,
  preconditions: [statesOnly("take part in joint fact-finding")],
  candidates: {
    of: (state, seat) =>
      present(state, seat)
        .filter((other) => isDealParty(state, other))
        .flatMap((other) =>
          state.scenario.issues.map((i) => ({ kind: "jointFactFinding", with: other, issueId: i.id })),
        ),
  },
  checks: [
    ...namedSeatChecks<{ with: SeatId }>((m) => [m.with], "partner", { states: true }),
    knownIssue(),
    ...notWithheld<{ with: SeatId }>((m) => [m.with]),
    check("AlreadyDone", (state, seat, move) =>
      doneTogether(state, seat, move.with, move.issueId)
        ? `You have already done joint fact-finding on ${issueName(state, move.issueId)} with ${seatName(state, move.with)}.`
        : null,
    ),
    check("AlreadyOffered", (state, seat, move) => {
      const offer = openOffer(state, seat, move.with, move.issueId);
      return offer
        ? `You have already offered joint fact-finding on ${issueName(state, move.issueId)} to ${seatName(state, move.with)}; it can join until the end of round ${offerOpenUntil(state, offer)}.`
        : null;
    }),
  ],
  apply(draft, seat, move, seq) {
    const offer = openOffer(draft, move.with, seat, move.issueId);
    const issue = draft.scenario.issues.find((i) => i.id === move.issueId);
    if (!issue) return;
    if (!offer) {
      const made = {
        issueId: issue.id,
        parties: [seat, move.with] as [SeatId, SeatId],
        round: draft.round,
        agreed: false,
      };
      draft.families.factFindings.push(made);
      addLog(draft, {
        seq,
        by: seat,
        kind: "jointFactFinding",
        approach: "mutualGains",
        text: `${seatName(draft, seat)} proposes joint fact-finding on ${issue.name} to ${seatName(draft, move.with)}, who can join until the end of round ${offerOpenUntil(draft, made)}.`,
        visibleTo: [seat, move.with],
      });
      return;
    }
    draft.families.factFindings = draft.families.factFindings.map((f) => (f === offer ? { ...f, agreed: true } : f));
    if (!issue.legal) {
      reveal(draft, seat, move.with, [issue.id]);
      reveal(draft, move.with, seat, [issue.id]);
    }
    addTrust(draft, seat, move.with, magnitude(draft, "jointFactFinding").trust);
    countGroundwork(draft, "jointFactFinding");
    addLog(draft, {
      seq,
      by: seat,
      kind: "jointFactFinding",
      approach: "mutualGains",
      text: `${seatName(draft, move.with)} and ${seatName(draft, seat)} complete joint fact-finding on ${issue.name}: ${
        issue.legal ? "both now know the legal merits of the case." : "each now knows the other's interests on it."
      }`,
      visibleTo: "all",
    });
  },
});

export const mutualGainsMoves = [shareInterests, proposeCreative, jointFactFinding];
