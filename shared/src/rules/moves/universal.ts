import { messageChecks } from "../checks.ts";
import { addLog } from "../draft.ts";
import { framingApproach } from "../framing.ts";
import { addTension, addTrustWith } from "../indicators.ts";
import { magnitude } from "../magnitudes.ts";
import { type Check, check, defineMove } from "../moveRule.ts";
import { isDealParty, partyKind, seatName, seatNames } from "../names.ts";
import { describePackage, packageChecks } from "../packages.ts";
import { councilAddresseeCheck, openProposalsBy, proposalAudience, putOnTable, resolveProposal } from "../proposals.ts";
import { endGame } from "../rounds.ts";
import { activeStates } from "../seats.ts";
import type { Framing, GameState, Proposal } from "../types.ts";

const framingVerb: Record<Framing, string> = {
  plain: "proposes to",
  package: "offers a package across issues to",
  anchor: "anchors high with a demanding proposal to",
  ultimatum: "issues an ultimatum (take it or leave it within a round) to",
};

export function proposalOf(state: GameState, proposalId: string): Proposal | undefined {
  return state.proposals.find((p) => p.id === proposalId);
}

/**
 * The move names a proposal the seat can see. One the seat cannot see is as unknown to it
 * as one that does not exist, so a refusal never reveals that a private proposal exists.
 */
export const knownProposal: Check<{ proposalId: string }> = check("UnknownProposal", (state, seat, move) => {
  const proposal = proposalOf(state, move.proposalId);
  return proposal && proposalAudience(state, proposal).includes(seat)
    ? null
    : `There is no proposal '${move.proposalId}'.`;
});

/** Checks shared by every move that answers an open proposal. */
const answerChecks: Check<{ proposalId: string }>[] = [
  knownProposal,
  {
    code: "NotAddressedToYou",
    test: (state, seat, move) =>
      proposalOf(state, move.proposalId)?.to.includes(seat) ? null : "This proposal is not addressed to you.",
  },
  {
    code: "ProposalNotOpen",
    test: (state, _seat, move) => {
      const status = proposalOf(state, move.proposalId)?.status;
      return status === "open" ? null : `This proposal is no longer open (it was ${status}).`;
    },
  },
  {
    code: "AlreadyAnswered",
    test: (state, seat, move) => {
      const p = proposalOf(state, move.proposalId);
      return p && (p.acceptedBy.includes(seat) || p.rejectedBy.includes(seat))
        ? "You have already answered this proposal."
        : null;
    },
  },
];

/** Some open proposal addressed to the seat still waits for its answer. */
const waitingForAnswer = check<unknown>("NoProposalToAnswer", (state, seat) =>
  state.proposals.some(
    (p) => p.status === "open" && p.to.includes(seat) && !p.acceptedBy.includes(seat) && !p.rejectedBy.includes(seat),
  )
    ? null
    : "No proposal is waiting for your answer.",
);

export const propose = defineMove("propose", {
  approach: "universal",
  summary: "Put a package (one option per issue) on the table for the parties you address.",
  main: true,
  preconditions: [
    check<unknown>("ThirdPartyProposal", (state, seat) =>
      isDealParty(state, seat)
        ? null
        : partyKind(state, seat) === "mediator"
          ? "As the mediator, put forward a mediator's proposal instead."
          : "Only a party to the dispute can propose a package.",
    ),
  ],
  checks: [
    {
      code: "NoAddressee",
      test: (_s, _seat, move) => (move.to.length > 0 ? null : "Address your proposal to at least one party."),
    },
    {
      code: "ProposeToYourself",
      test: (_s, seat, move) => (move.to.includes(seat) ? "You cannot address a proposal to yourself." : null),
    },
    {
      code: "UnknownAddressee",
      test: (state, _seat, move) => {
        const unknown = move.to.find((s) => !state.seats.includes(s));
        return unknown ? `'${unknown}' is not a seat at this table.` : null;
      },
    },
    {
      code: "AddresseeNotAParty",
      test: (state, _seat, move) => {
        const third = move.to.find((s) => !isDealParty(state, s));
        return third ? `${seatName(state, third)} is not a party to the deal; address the states.` : null;
      },
    },
    {
      code: "AddresseeLeft",
      test: (state, _seat, move) => {
        const gone = move.to.find((s) => state.walkedAway.includes(s));
        return gone ? `${seatName(state, gone)} has walked away from the table.` : null;
      },
    },
    councilAddresseeCheck(),
    ...packageChecks(),
  ],
  apply(draft, seat, move, seq) {
    const framing = move.framing ?? "plain";
    const approach = framingApproach(framing);
    const proposal = putOnTable(draft, seq, { by: seat, to: move.to, package: move.package, framing, approach });
    const effect = magnitude(draft, framing);
    addTrustWith(draft, seat, move.to, effect.trust);
    addTension(draft, effect.tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "propose",
      approach,
      text: `${seatName(draft, seat)} ${framingVerb[framing]} ${seatNames(draft, move.to)} (proposal ${proposal.id}, version ${proposal.version}): ${describePackage(draft.scenario, proposal.package)}.`,
      visibleTo: proposalAudience(draft, proposal),
    });
  },
});

export const accept = defineMove("accept", {
  approach: "universal",
  summary: "Accept a proposal addressed to you. It becomes the agreement once every party it needs has accepted.",
  main: false,
  availability: [waitingForAnswer],
  checks: answerChecks,
  apply(draft, seat, move, seq) {
    const proposal = proposalOf(draft, move.proposalId);
    if (!proposal) return;
    proposal.acceptedBy.push(seat);
    addTrustWith(draft, seat, [proposal.by], magnitude(draft, "accept").trust);
    addLog(draft, {
      seq,
      by: seat,
      kind: "accept",
      approach: "universal",
      text: `${seatName(draft, seat)} accepts proposal ${proposal.id} by ${seatName(draft, proposal.by)}.`,
      visibleTo: proposalAudience(draft, proposal),
    });
    resolveProposal(draft, proposal, seq);
  },
});

export const reject = defineMove("reject", {
  approach: "universal",
  summary: "Reject a proposal addressed to you.",
  main: false,
  availability: [waitingForAnswer],
  checks: answerChecks,
  apply(draft, seat, move, seq) {
    const proposal = proposalOf(draft, move.proposalId);
    if (!proposal) return;
    proposal.rejectedBy.push(seat);
    const effect = magnitude(draft, "reject");
    addTension(draft, proposal.framing === "ultimatum" ? effect.ultimatumTension : effect.tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "reject",
      approach: "universal",
      text: `${seatName(draft, seat)} rejects proposal ${proposal.id} by ${seatName(draft, proposal.by)}.`,
      visibleTo: proposalAudience(draft, proposal),
    });
    resolveProposal(draft, proposal, seq);
  },
});

export const withdraw = defineMove("withdraw", {
  approach: "universal",
  summary: "Take one of your open proposals off the table.",
  main: false,
  availability: [
    check<unknown>("NoOpenProposal", (state, seat) =>
      openProposalsBy(state, seat).length > 0 ? null : "You have no open proposal to withdraw.",
    ),
  ],
  checks: [
    knownProposal,
    {
      code: "NotYourProposal",
      test: (state, seat, move) =>
        proposalOf(state, move.proposalId)?.by === seat ? null : "You can only withdraw your own proposals.",
    },
    {
      code: "ProposalNotOpen",
      test: (state, _seat, move) => {
        const status = proposalOf(state, move.proposalId)?.status;
        return status === "open" ? null : `This proposal is no longer open (it was ${status}).`;
      },
    },
  ],
  apply(draft, seat, move, seq) {
    const proposal = proposalOf(draft, move.proposalId);
    if (!proposal) return;
    proposal.status = "withdrawn";
    addLog(draft, {
      seq,
      by: seat,
      kind: "withdraw",
      approach: "universal",
      text: `${seatName(draft, seat)} withdraws proposal ${proposal.id}.`,
      visibleTo: proposalAudience(draft, proposal),
    });
  },
});

export const chat = defineMove("chat", {
  approach: "universal",
  summary: "Talk to the table, or privately to some seats.",
  main: false,
  checks: [
    ...messageChecks(),
    {
      code: "UnknownRecipient",
      test: (state, seat, move) => {
        const bad = (move.to ?? []).find((s) => !state.seats.includes(s) || s === seat);
        return bad ? `You cannot send a private message to '${bad}'.` : null;
      },
    },
  ],
  apply(draft, seat, move, seq) {
    const to = move.to && move.to.length > 0 ? move.to : undefined;
    addLog(draft, {
      seq,
      by: seat,
      kind: "chat",
      approach: "universal",
      text: move.text.trim(),
      visibleTo: to ? [seat, ...to] : "all",
    });
  },
});

export const pass = defineMove("pass", {
  approach: "universal",
  summary: "End your turn for this round without a main move.",
  main: true,
  checks: [],
  apply(draft, seat, _move, seq) {
    addLog(draft, {
      seq,
      by: seat,
      kind: "pass",
      approach: "universal",
      text: `${seatName(draft, seat)} passes.`,
      visibleTo: "all",
    });
  },
});

export const walkAway = defineMove("walkAway", {
  approach: "universal",
  summary:
    "Leave the negotiation for good: a state falls back on its alternative to a deal; a third party still scores by its aims.",
  main: false,
  checks: [],
  apply(draft, seat, _move, seq) {
    draft.walkedAway.push(seat);
    for (const proposal of openProposalsBy(draft, seat)) proposal.status = "withdrawn";
    addTension(draft, magnitude(draft, "walkAway").tension);
    addLog(draft, {
      seq,
      by: seat,
      kind: "walkAway",
      approach: "universal",
      text: `${seatName(draft, seat)} walks away from the table.`,
      visibleTo: "all",
    });
    if (activeStates(draft).length < 2) {
      endGame(draft, { kind: "noAgreement", reason: "walkout", round: draft.round }, seq);
    } else {
      for (const proposal of draft.proposals) {
        if (proposal.status === "open" && proposal.to.includes(seat)) resolveProposal(draft, proposal, seq);
      }
    }
  },
});

export const universalMoves = [propose, accept, reject, withdraw, chat, pass, walkAway];
