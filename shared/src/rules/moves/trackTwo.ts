import { messageChecks, namedSeatChecks, statesOnly } from "../checks.ts";
import { addLog } from "../draft.ts";
import { countGroundwork } from "../groundwork.ts";
import { addTension, addTrust, addTrustAmong } from "../indicators.ts";
import { magnitude } from "../magnitudes.ts";
import { check, defineMove } from "../moveRule.ts";
import { isDealParty, seatName, seatNames } from "../names.ts";
import type { SeatId } from "../types.ts";
import { changeBatna } from "../value.ts";

export const confidenceBuilding = defineMove("confidenceBuilding", {
  approach: "trackTwo",
  summary:
    "Make a goodwill gesture to one party (an exchange, a humanitarian step): trust rises and tension eases, at a small cost to your own alternative to a deal.",
  main: true,
  preconditions: [statesOnly("offer a confidence-building measure")],
  checks: namedSeatChecks<{ with: SeatId }>((m) => [m.with], "party", { states: true }),
  apply(draft, seat, move, seq) {
    const effect = magnitude(draft, "confidenceBuilding");
    addTrust(draft, seat, move.with, effect.trust);
    addTension(draft, effect.tension);
    changeBatna(draft, seat, -effect.cost, "trackTwo", seat, seq);
    countGroundwork(draft, "confidenceBuilding");
    addLog(draft, {
      seq,
      by: seat,
      kind: "confidenceBuilding",
      approach: "trackTwo",
      text: `${seatName(draft, seat)} makes a confidence-building gesture towards ${seatName(draft, move.with)}.`,
      visibleTo: "all",
    });
  },
});

export const workshop = defineMove("workshop", {
  approach: "trackTwo",
  summary:
    "Convene an off-the-record workshop with some parties: trust rises among everyone taking part, and it counts as groundwork for creative options.",
  main: true,
  preconditions: [],
  checks: [
    ...namedSeatChecks<{ with: SeatId[] }>((m) => m.with, "participant"),
    check("TooFewStates", (state, seat, move) => {
      const states = [...new Set([seat, ...move.with])].filter((s) => isDealParty(state, s));
      return states.length >= 2 ? null : "A workshop needs at least two parties to the dispute.";
    }),
  ],
  apply(draft, seat, move, seq) {
    const participants = [...new Set([seat, ...move.with])];
    addTrustAmong(draft, participants, magnitude(draft, "workshop").trust);
    countGroundwork(draft, "workshop");
    addLog(draft, {
      seq,
      by: seat,
      kind: "workshop",
      approach: "trackTwo",
      text: `${seatName(draft, seat)} convenes a problem-solving workshop with ${seatNames(draft, [...new Set(move.with)])}.`,
      visibleTo: "all",
    });
  },
});

export const backChannel = defineMove("backChannel", {
  approach: "trackTwo",
  summary: "Send a confidential message to one seat: only it reads it; a little trust, a little less tension.",
  main: true,
  preconditions: [],
  checks: [
    ...namedSeatChecks<{ to: SeatId }>((m) => [m.to], "recipient"),
    ...messageChecks<{ to: SeatId; text: string }>(),
  ],
  apply(draft, seat, move, seq) {
    const effect = magnitude(draft, "backChannel");
    addTrust(draft, seat, move.to, effect.trust);
    addTension(draft, effect.tension);
    countGroundwork(draft, "backChannel");
    addLog(draft, {
      seq,
      by: seat,
      kind: "backChannel",
      approach: "trackTwo",
      text: `(back channel, private) ${move.text.trim()}`,
      visibleTo: [seat, move.to],
    });
  },
});

export const trackTwoMoves = [confidenceBuilding, workshop, backChannel];
