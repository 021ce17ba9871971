import { mediatorOnly, messageChecks, namedSeatChecks, statesOnly } from "../checks.ts";
import { addLog } from "../draft.ts";
import { addTension, addTrustWith } from "../indicators.ts";
import { magnitude } from "../magnitudes.ts";
import { mediationActive, mediatorsAtTable, missingConsentMessage, withoutConsent } from "../mediation.ts";
import { check, defineMove } from "../moveRule.ts";
import { seatName, seatNames } from "../names.ts";
import { describePackage, packageChecks } from "../packages.ts";
import { councilAddresseeCheck, proposalAudience, putOnTable } from "../proposals.ts";
import { activeStates } from "../seats.ts";
import type { GameState, SeatId } from "../types.ts";

const mediatorPresent = check<unknown>("NoMediator", (state) =>
  mediatorsAtTable(state).length > 0 ? null : "There is no mediator at this table.",
);

const mediationIsActive = check<unknown>("MediationNotActive", (state) => {
  // Only a mediator meets this check (mediatorOnly comes first), so it says what the mediator can do about it.
  if (state.families.mediation.invitedBy.length === 0)
    return "No party has invited you yet. Offer your good offices (talk to the parties, privately or in a workshop): a party open to mediation may then invite you.";
  return missingConsentMessage(state, state.families.mediation.consented, "mediation");
});

function announceIfActive(draft: GameState, wasActive: boolean, seq: number): void {
  if (wasActive || !mediationActive(draft)) return;
  addLog(draft, {
    seq,
    by: "system",
    kind: "mediationActive",
    approach: "mediation",
    text: `Every party has consented: ${seatNames(draft, mediatorsAtTable(draft))} now mediates. Trust between the parties will recover slowly while mediation lasts.`,
    visibleTo: "all",
  });
}

function consentToMediation(draft: GameState, seat: SeatId): boolean {
  const wasActive = mediationActive(draft);
  if (!draft.families.mediation.consented.includes(seat)) draft.families.mediation.consented.push(seat);
  return wasActive;
}

export const inviteMediator = defineMove("inviteMediator", {
  approach: "mediation",
  summary: "Ask the mediator to help. Mediation starts once every party has consented.",
  main: true,
  preconditions: [
    statesOnly("invite a mediator"),
    mediatorPresent,
    check<unknown>("AlreadyConsentedToMediation", (state, seat) =>
      state.families.mediation.consented.includes(seat) ? "You have already consented to mediation." : null,
    ),
  ],
  checks: [],
  apply(draft, seat, _move, seq) {
    draft.families.mediation.invitedBy.push(seat);
    const wasActive = consentToMediation(draft, seat);
    addTension(draft, magnitude(draft, "inviteMediator").tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "inviteMediator",
      approach: "mediation",
      text: `${seatName(draft, seat)} invites ${seatNames(draft, mediatorsAtTable(draft))} to mediate.`,
      visibleTo: "all",
    });
    announceIfActive(draft, wasActive, seq);
  },
});

export const acceptMediation = defineMove("acceptMediation", {
  approach: "mediation",
  summary: "Consent to the mediation another party asked for.",
  main: false,
  preconditions: [
    statesOnly("accept mediation"),
    mediatorPresent,
    check<unknown>("NotInvited", (state) =>
      state.families.mediation.invitedBy.length > 0 ? null : "No party has invited the mediator yet.",
    ),
    check<unknown>("AlreadyConsentedToMediation", (state, seat) =>
      state.families.mediation.consented.includes(seat) ? "You have already consented to mediation." : null,
    ),
  ],
  checks: [],
  apply(draft, seat, _move, seq) {
    const wasActive = consentToMediation(draft, seat);
    addTension(draft, magnitude(draft, "acceptMediation").tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "acceptMediation",
      approach: "mediation",
      text: `${seatName(draft, seat)} accepts mediation.`,
      visibleTo: "all",
    });
    announceIfActive(draft, wasActive, seq);
  },
});

export const mediatorProposal = defineMove("mediatorProposal", {
  approach: "mediation",
  summary: "As mediator, put a package to the parties; it becomes the agreement when every party accepts.",
  main: true,
  preconditions: [mediatorOnly("put forward a mediator's proposal"), mediationIsActive],
  checks: [
    ...namedSeatChecks<{ to: SeatId[] }>((m) => m.to, "party to address", { states: true }),
    check("TooFewParties", (_s, _seat, move) =>
      new Set(move.to).size >= 2 ? null : "Address a mediator's proposal to at least two parties.",
    ),
    councilAddresseeCheck(),
    ...packageChecks(),
  ],
  apply(draft, seat, move, seq) {
    const to = [...new Set(move.to)];
    const proposal = putOnTable(draft, seq, {
      by: seat,
      to,
      package: move.package,
      framing: "mediator",
      approach: "mediation",
    });
    addTension(draft, magnitude(draft, "mediatorProposal").tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "mediatorProposal",
      approach: "mediation",
      text: `${seatName(draft, seat)} puts a mediator's proposal to ${seatNames(draft, to)} (proposal ${proposal.id}): ${describePackage(draft.scenario, proposal.package)}.`,
      visibleTo: proposalAudience(draft, proposal),
    });
  },
});

export const shuttle = defineMove("shuttle", {
  approach: "mediation",
  summary:
    "As mediator, talk privately with one party: only it reads the message; trust between the parties recovers a little.",
  main: true,
  preconditions: [mediatorOnly("carry shuttle messages"), mediationIsActive],
  checks: [
    ...namedSeatChecks<{ to: SeatId }>((m) => [m.to], "party to meet", { states: true }),
    ...messageChecks<{ to: SeatId; text: string }>(),
  ],
  apply(draft, seat, move, seq) {
    const effect = magnitude(draft, "shuttle");
    addTrustWith(
      draft,
      move.to,
      activeStates(draft).filter((s) => s !== move.to),
      effect.trust,
    );
    addTension(draft, effect.tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "shuttle",
      approach: "mediation",
      text: `${seatName(draft, seat)} meets ${seatName(draft, move.to)} privately.`,
      visibleTo: "all",
    });
    addLog(draft, {
      seq,
      by: seat,
      kind: "shuttle",
      approach: "mediation",
      text: `(shuttle, private to ${seatName(draft, move.to)}) ${move.text.trim()}`,
      visibleTo: [seat, move.to],
    });
  },
});

export const consentArbitration = defineMove("consentArbitration", {
  approach: "mediation",
  summary:
    "Consent to binding arbitration. Once every party has consented, a tribunal that sees every payoff awards the fair (Nash) package at the round's end, and it binds.",
  main: false,
  preconditions: [
    statesOnly("consent to arbitration"),
    check<unknown>("AlreadyConsentedToArbitration", (state, seat) => {
      if (!state.families.arbitration.consented.includes(seat)) return null;
      const waiting = missingConsentMessage(state, state.families.arbitration.consented, "arbitration");
      return `You have already consented to arbitration.${waiting ? ` ${waiting}` : " The award comes at the end of this round."}`;
    }),
  ],
  checks: [],
  apply(draft, seat, _move, seq) {
    draft.families.arbitration.consented.push(seat);
    addTension(draft, magnitude(draft, "consentArbitration").tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "consentArbitration",
      approach: "mediation",
      text: `${seatName(draft, seat)} consents to binding arbitration.`,
      visibleTo: "all",
    });
    if (withoutConsent(draft, draft.families.arbitration.consented).length === 0) {
      addLog(draft, {
        seq,
        by: "system",
        kind: "arbitrationAgreed",
        approach: "mediation",
        text: "Every party has consented to binding arbitration: the tribunal will issue its award at the end of this round.",
        visibleTo: "all",
      });
    }
  },
});

export const mediationMoves = [inviteMediator, acceptMediation, mediatorProposal, shuttle, consentArbitration];
