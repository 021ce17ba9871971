import { type Move, type MoveKind, moveRules, type Scenario, type SeatId } from "@parley/shared";
import type { Chooser } from "../property/randomPlay.ts";

/**
 * Seeded bad input for a table room: what a student with devtools, a broken client or a
 * script could send as the payload of a `move` message (or as another message type).
 * Each value is one msgpack can carry, since that is all a room ever receives.
 */

/** What the sender knows of its table: enough to aim near-legal moves at it. */
export interface FuzzTarget {
  scenario: Scenario;
  /** The sender's own seat (moves naming it as addressee are "wrong-seat" moves). */
  seat: SeatId;
  proposalIds: readonly string[];
  claimIds: readonly string[];
}

export const moveKinds = Object.keys(moveRules) as MoveKind[];

const pick = <T>(c: Chooser, items: readonly T[]): T => items[c.int(items.length)] as T;

function nested(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

/** Values of every msgpack type, and shapes that trip naive code (prototype keys, huge lengths, deep nesting). */
function junk(c: Chooser): unknown {
  const values: (() => unknown)[] = [
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1.5,
    () => Number.NaN,
    () => Number.POSITIVE_INFINITY,
    () => 2 ** 53 + 2,
    () => -(2 ** 60),
    () => "",
    () => " ",
    () => "pass",
    () => "x".repeat(2001 + c.int(1500)),
    () => "<script>alert(1)</script>",
    () => "\u0000\uFFFF\uD800",
    () => [],
    () => [1, "a", null],
    () => ({}),
    () => new Date(0),
    () => new Uint8Array([1, 2, 3, 0xc1]),
    () => nested(50 + c.int(150), "bottom", (inner) => [inner]),
    () => nested(50 + c.int(150), { kind: "pass" }, (inner) => ({ move: inner })),
    () => JSON.parse('{"__proto__":{"polluted":true},"kind":"pass"}'),
    () => ({ constructor: { prototype: { polluted: true } } }),
    () => ({ toString: "not a function", valueOf: 1 }),
    () => ({ length: 1e9 }),
  ];
  return pick(c, values)();
}

/** Ids a move may name, valid or not: other seats' and nobody's, markup, prototype names, overlong. */
function anyId(c: Chooser, target: FuzzTarget, real: readonly string[]): string {
  const wrong = [
    target.seat,
    "atlantis",
    "system",
    "instructor",
    "observer",
    "__proto__",
    "constructor",
    "toString",
    "p999",
    "c0",
    "x".repeat(64),
    "<img src=x onerror=alert(1)>",
  ];
  return c.int(3) === 0 || real.length === 0 ? pick(c, wrong) : pick(c, real);
}

/** A move of the given kind with plausible arguments: sometimes legal, mostly out of turn or aimed wrongly. */
export function plausibleMove(c: Chooser, target: FuzzTarget, kind: MoveKind): Move {
  const { scenario } = target;
  const seats = scenario.parties.map((p) => p.id);
  const others = seats.filter((s) => s !== target.seat);
  const seat = () => anyId(c, target, others);
  const seatList = () => Array.from({ length: 1 + c.int(c.int(6) === 0 ? 3 : 1) }, seat);
  const issue = pick(c, scenario.issues);
  const options: Record<string, string> = {};
  for (const i of scenario.issues) if (c.int(12) > 0) options[i.id] = pick(c, i.options).id;
  const creative =
    c.int(4) === 0
      ? [
          anyId(
            c,
            target,
            scenario.creativeOptions.map((x) => x.id),
          ),
        ]
      : undefined;
  const pkg = { options, ...(creative ? { creative } : {}) };
  const proposalId = () => anyId(c, target, target.proposalIds);
  const claimId = () => anyId(c, target, target.claimIds);
  const measureId = () =>
    anyId(
      c,
      target,
      scenario.measures.map((m) => m.id),
    );
  const text = () => pick(c, ["Shall we talk?", "<img src=x onerror=alert(1)>", "   ", "🦀 a long way ".repeat(20)]);
  switch (kind) {
    case "propose":
      return { kind, to: seatList(), package: pkg, framing: pick(c, ["plain", "anchor", "ultimatum", "package"]) };
    case "accept":
    case "reject":
    case "withdraw":
      return { kind, proposalId: proposalId() };
    case "chat":
      return c.int(2) ? { kind, text: text() } : { kind, text: text(), to: seatList() };
    case "pass":
    case "walkAway":
    case "inviteMediator":
    case "acceptMediation":
    case "consentArbitration":
      return { kind };
    case "threaten":
      return { kind, target: seat(), measureId: measureId() };
    case "impose":
    case "liftMeasure":
      return { kind, measureId: measureId() };
    case "concede":
      return { kind, proposalId: proposalId(), issueId: issue.id, optionId: pick(c, issue.options).id };
    case "withhold":
      return { kind, from: seat() };
    case "mediatorProposal":
      return { kind, to: seatList(), package: pkg };
    case "shuttle":
    case "backChannel":
      return { kind, to: seat(), text: text() };
    case "shareInterests":
      return { kind, to: seatList(), issueIds: [anyId(c, target, [issue.id])] };
    case "proposeCreative":
      return {
        kind,
        creativeId: anyId(
          c,
          target,
          scenario.creativeOptions.map((x) => x.id),
        ),
      };
    case "jointFactFinding":
      return { kind, with: seat(), issueId: anyId(c, target, [issue.id]) };
    case "fileClaim":
      return { kind, issueId: anyId(c, target, [issue.id]) };
    case "respondToClaim":
      return { kind, claimId: claimId(), consent: c.int(2) === 1 };
    case "comply":
    case "defy":
      return { kind, claimId: claimId() };
    case "confidenceBuilding":
      return { kind, with: seat() };
    case "workshop":
      return { kind, with: seatList() };
  }
}

/** A plausible move broken in one way: a field missing, of the wrong type, oversized, or one too many. */
function brokenMove(c: Chooser, target: FuzzTarget): unknown {
  const move: Record<string, unknown> = { ...plausibleMove(c, target, pick(c, moveKinds)) };
  const fields = Object.keys(move);
  const field = pick(c, fields);
  switch (c.int(6)) {
    case 0:
      delete move[field === "kind" && fields.length > 1 ? (fields[1] as string) : field];
      break;
    case 1:
      move[field] = junk(c);
      break;
    case 2:
      move[pick(c, ["seat", "by", "seq", "admin", "__proto__", "rationale"])] = pick(c, ["usa", 0, true, "x"]);
      break;
    case 3:
      move[field] = Array.isArray(move[field])
        ? Array.from({ length: 9 + c.int(20) }, (_, i) => `s${i}`)
        : "y".repeat(2001 + c.int(1000));
      break;
    case 4:
      move.kind = pick(c, ["", "Propose", "__proto__", "constructor", "advanceRound", "endGame", "setController", 7]);
      break;
    default:
      if ("package" in move) move.package = { options: junk(c), creative: junk(c) };
      else move.kind = junk(c);
  }
  return move;
}

/** Whose pattern a fuzzed message follows, for the report. */
export type Attack = "junk envelope" | "bad clientSeq" | "broken move" | "plausible move" | "wrong kind";

export interface FuzzedMessage {
  attack: Attack;
  /** The message's payload, as the room's `move` handler receives it. */
  payload: unknown;
}

/**
 * One bad `move` payload. `clientSeq` is the sender's counter, put where the envelope is
 * well formed so answers can be matched; `walkAway` and `accept` with real ids are left
 * to the legitimate players, so that a fuzzer rarely ends the game it is fuzzing.
 */
export function fuzzMovePayload(c: Chooser, target: FuzzTarget, clientSeq: number): FuzzedMessage {
  const roll = c.int(20);
  if (roll < 3) return { attack: "junk envelope", payload: c.int(2) ? junk(c) : { clientSeq, move: junk(c) } };
  if (roll < 5) {
    const badSeq = pick(c, [-1, 1.5, "7", null, Number.NaN, 2 ** 60, [clientSeq]]);
    const extra = c.int(2) ? { seat: "china", by: "system" } : {};
    return { attack: "bad clientSeq", payload: { clientSeq: badSeq, move: { kind: "pass" }, ...extra } };
  }
  if (roll < 11) return { attack: "broken move", payload: { clientSeq, move: brokenMove(c, target) } };
  const kinds = moveKinds.filter((k) => k !== "walkAway");
  let move = plausibleMove(c, target, pick(c, kinds));
  if (move.kind === "accept" && target.proposalIds.includes(move.proposalId)) move = { kind: "pass" };
  if (roll < 13) {
    // A move the rules know but a student may never send (system moves), or a kind in the wrong case.
    const kind = pick(c, ["advanceRound", "endGame", "setController", "injectEvent", "broadcast", "PASS"]);
    return { attack: "wrong kind", payload: { clientSeq, move: { ...move, kind } } };
  }
  return { attack: "plausible move", payload: { clientSeq, move } };
}

/** A message type other than `move`, and a payload for it. */
export function otherMessageType(c: Chooser): { type: string | number; payload: unknown } {
  const type = pick<string | number>(c, [
    "moves",
    "Move",
    "",
    "*",
    "view",
    "ack",
    "__proto__",
    "constructor",
    0,
    7,
    255,
  ]);
  return { type, payload: junk(c) };
}
