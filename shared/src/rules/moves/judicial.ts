import { statesOnly } from "../checks.ts";
import { addLog } from "../draft.ts";
import { addLegitimacy, addTension, addTrust, addTrustWith } from "../indicators.ts";
import { magnitude } from "../magnitudes.ts";
import { type Check, check, defineMove } from "../moveRule.ts";
import { issueName, seatName, seatNames } from "../names.ts";
import { caseOpenOn, decline, forumName, losersOf, proceed, rulingOn } from "../rulings.ts";
import { activeStates } from "../seats.ts";
import type { Claim, GameState, SeatId } from "../types.ts";
import { changeBatna } from "../value.ts";

function claimOf(state: GameState, claimId: string): Claim | undefined {
  return state.families.claims.find((c) => c.id === claimId);
}

const knownClaim = <M extends { claimId: string }>(): Check<M> =>
  check<M>("UnknownClaim", (state, _seat, move) =>
    claimOf(state, move.claimId) ? null : `There is no case '${move.claimId}'.`,
  );

/** Rulings that went against `seat` and that it has not yet answered. */
function rulingsAwaitingAnswer(state: GameState, seat: SeatId): Claim[] {
  return state.families.claims.filter(
    (c) => c.status === "ruled" && losersOf(c).includes(seat) && c.compliance[seat] === undefined,
  );
}

export const fileClaim = defineMove("fileClaim", {
  approach: "judicial",
  summary:
    "Take an issue to its court or tribunal. It rules after some rounds from the legal merits; a binding ruling fixes that issue in any deal and without one.",
  main: true,
  preconditions: [
    statesOnly("file a claim"),
    check<unknown>("NoLegalIssue", (state) =>
      state.scenario.issues.some((i) => i.legal) ? null : "No issue of this scenario can go before a court.",
    ),
  ],
  availability: [
    check<unknown>("NoClaimToFile", (state, seat) => {
      const mine = state.scenario.issues.filter((i) => i.legal?.positions[seat] !== undefined);
      if (mine.length === 0) return "You have no legal claim of your own on any issue.";
      return mine.some((i) => !rulingOn(state, i.id) && !caseOpenOn(state, i.id))
        ? null
        : "Every issue you could take to court has been ruled on or is already before it.";
    }),
  ],
  checks: [
    check("UnknownIssue", (state, _seat, move) =>
      state.scenario.issues.some((i) => i.id === move.issueId)
        ? null
        : `'${move.issueId}' is not an issue of this scenario.`,
    ),
    check("NotALegalIssue", (state, _seat, move) => {
      const issue = state.scenario.issues.find((i) => i.id === move.issueId);
      return !issue || issue.legal ? null : `${issue.name} cannot go before a court in this scenario.`;
    }),
    check("NoLegalPosition", (state, seat, move) => {
      const legal = state.scenario.issues.find((i) => i.id === move.issueId)?.legal;
      return !legal || legal.positions[seat] !== undefined
        ? null
        : `You have no legal claim of your own on ${issueName(state, move.issueId)}.`;
    }),
    check("RulingAlreadyFinal", (state, _seat, move) =>
      rulingOn(state, move.issueId) ? "The court has already ruled on this issue." : null,
    ),
    check("CaseAlreadyOpen", (state, _seat, move) => {
      const open = caseOpenOn(state, move.issueId);
      return open
        ? `A case on ${issueName(state, move.issueId)} is already before ${forumName(state, open.forumId)}.`
        : null;
    }),
    check("NoRespondent", (state, seat) =>
      activeStates(state).some((s) => s !== seat)
        ? null
        : "There is no other party at the table to bring a case against.",
    ),
  ],
  apply(draft, seat, move, seq) {
    const issue = draft.scenario.issues.find((i) => i.id === move.issueId);
    const legal = issue?.legal;
    if (!issue || !legal) return;
    const forum = draft.scenario.forums.find((f) => f.id === legal.forum);
    const own = legal.positions[seat];
    const others = activeStates(draft).filter((s) => s !== seat);
    // The respondents are the states that claim another option; failing that, every other state.
    const opposed = others.filter((s) => legal.positions[s] !== undefined && legal.positions[s] !== own);
    const respondents = opposed.length > 0 ? opposed : others;
    const effect = magnitude(draft, "fileClaim");
    const claim: Claim = {
      id: `c${seq}`,
      issueId: issue.id,
      forumId: legal.forum,
      claimant: seat,
      respondents,
      filedRound: draft.round,
      status: "awaitingConsent",
      batnaShift: {},
      responses: {},
      compliance: {},
    };
    draft.families.claims.push(claim);
    addTrustWith(draft, seat, respondents, effect.trust);
    addTension(draft, effect.tension);
    const compulsory = forum?.jurisdiction === "compulsory";
    addLog(draft, {
      seq,
      by: seat,
      kind: "fileClaim",
      approach: "judicial",
      text: `${seatName(draft, seat)} files a claim against ${seatNames(draft, respondents)} on ${issue.name} before ${forumName(draft, legal.forum)} (case ${claim.id})${
        compulsory
          ? "."
          : `: its jurisdiction needs their consent, due by the end of round ${draft.round + effect.answerRounds}.`
      }`,
      visibleTo: "all",
    });
    if (compulsory) proceed(draft, claim, seq);
    else claim.answerByRound = draft.round + effect.answerRounds;
  },
});

export const respondToClaim = defineMove("respondToClaim", {
  approach: "judicial",
  summary:
    "Accept or refuse the jurisdiction of the court, tribunal or expert over a claim against you. Refusing stops the case but costs standing.",
  main: false,
  availability: [
    check<unknown>("NoClaimAgainstYou", (state, seat) =>
      state.families.claims.some(
        (c) => c.status === "awaitingConsent" && c.respondents.includes(seat) && c.responses[seat] === undefined,
      )
        ? null
        : "No claim against you is waiting for your answer.",
    ),
  ],
  checks: [
    knownClaim(),
    check("NotARespondent", (state, seat, move) =>
      claimOf(state, move.claimId)?.respondents.includes(seat) ? null : "This claim is not against you.",
    ),
    check("NotAwaitingConsent", (state, _seat, move) =>
      claimOf(state, move.claimId)?.status === "awaitingConsent" ? null : "This case is not waiting for consent.",
    ),
    check("AlreadyAnswered", (state, seat, move) =>
      claimOf(state, move.claimId)?.responses[seat] !== undefined ? "You have already answered this claim." : null,
    ),
  ],
  apply(draft, seat, move, seq) {
    const claim = claimOf(draft, move.claimId);
    if (!claim) return;
    if (!move.consent) {
      decline(draft, claim, [seat], seq, false);
      return;
    }
    claim.responses[seat] = "consent";
    addTrust(draft, seat, claim.claimant, magnitude(draft, "respondToClaim").consentTrust);
    addLog(draft, {
      seq,
      by: seat,
      kind: "respondToClaim",
      approach: "judicial",
      text: `${seatName(draft, seat)} accepts the jurisdiction of ${forumName(draft, claim.forumId)} on ${issueName(draft, claim.issueId)}.`,
      visibleTo: "all",
    });
    if (claim.respondents.every((s) => claim.responses[s] === "consent")) proceed(draft, claim, seq);
  },
});

/** Checks shared by comply and defy: a ruling against the mover that it has not answered. */
const answerRulingChecks = <M extends { claimId: string }>(): Check<M>[] => [
  knownClaim<M>(),
  check<M>("NotRuled", (state, _seat, move) =>
    claimOf(state, move.claimId)?.status === "ruled" ? null : "The court has not ruled on this case yet.",
  ),
  check<M>("RulingNotAgainstYou", (state, seat, move) => {
    const claim = claimOf(state, move.claimId);
    return claim && losersOf(claim).includes(seat) ? null : "This ruling did not go against you.";
  }),
  check<M>("AlreadyAnswered", (state, seat, move) =>
    claimOf(state, move.claimId)?.compliance[seat] !== undefined ? "You have already answered this ruling." : null,
  ),
];

const rulingAwaits = check<unknown>("NoRulingAgainstYou", (state, seat) =>
  rulingsAwaitingAnswer(state, seat).length > 0 ? null : "No ruling against you is waiting for your answer.",
);

export const comply = defineMove("comply", {
  approach: "judicial",
  summary: "Comply with a ruling that went against you: your standing and the winner's trust rise, tension eases.",
  main: false,
  availability: [rulingAwaits],
  checks: answerRulingChecks(),
  apply(draft, seat, move, seq) {
    const claim = claimOf(draft, move.claimId);
    if (!claim?.ruling) return;
    const effect = magnitude(draft, "comply");
    claim.compliance[seat] = "comply";
    addLegitimacy(draft, seat, effect.legitimacy);
    addTrust(draft, seat, claim.ruling.favours, effect.trust);
    addTension(draft, effect.tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "comply",
      approach: "judicial",
      text: `${seatName(draft, seat)} will comply with the ruling on ${issueName(draft, claim.issueId)}.`,
      visibleTo: "all",
    });
  },
});

export const defy = defineMove("defy", {
  approach: "judicial",
  summary:
    "Defy a ruling that went against you: it no longer shapes your no-deal outcome, but your standing falls and tension rises (any deal must still keep it).",
  main: false,
  availability: [rulingAwaits],
  checks: answerRulingChecks(),
  apply(draft, seat, move, seq) {
    const claim = claimOf(draft, move.claimId);
    if (!claim?.ruling) return;
    const effect = magnitude(draft, "defy");
    claim.compliance[seat] = "defy";
    addLegitimacy(draft, seat, effect.legitimacy);
    addTension(draft, effect.tension);
    // Without a deal the defier keeps the status quo on this issue; the winner keeps its
    // ruling (it may enforce it by other means, e.g. authorised countermeasures).
    const shift = claim.batnaShift[seat] ?? 0;
    if (shift !== 0) {
      changeBatna(draft, seat, -shift, "judicial", seat, seq);
      claim.batnaShift[seat] = 0;
    }
    addLog(draft, {
      seq,
      by: seat,
      kind: "defy",
      approach: "judicial",
      text: `${seatName(draft, seat)} defies the ruling of ${forumName(draft, claim.forumId)} on ${issueName(draft, claim.issueId)}.`,
      visibleTo: "all",
    });
  },
});

export const judicialMoves = [fileClaim, respondToClaim, comply, defy];
