import { capitalised, type Indicators, pairKey, type TableView } from "@parley/shared";

/** What the seat's own last move changed at the table, as its own views show it. */
export interface MoveEffects {
  /** The move's event (its log lines carry it). */
  seq: number;
  round: number;
  /** The move closed its round: the changes include the round's end (expiring offers, rulings, recovery). */
  closedRound: boolean;
  /** The changes, each a phrase ("trust with Russia +2 (now 57)"); empty when nothing moved. */
  changes: string[];
  /** The move, as its log line names its kind ("reject"). */
  move?: string;
}

/**
 * A move as the line after it names it ("What your rejection changed"): a notice about an
 * answer had read "What your move changed" beside the palette's line about another move.
 */
const movePhrases: Record<string, string> = {
  propose: "your proposal",
  accept: "your acceptance",
  reject: "your rejection",
  withdraw: "withdrawing your proposal",
  pass: "passing",
  walkAway: "walking away",
  threaten: "your threat",
  impose: "imposing the measure",
  liftMeasure: "lifting the measure",
  concede: "your concession",
  withhold: "withholding information",
  inviteMediator: "inviting the mediator",
  acceptMediation: "accepting mediation",
  mediatorProposal: "your mediator's proposal",
  shuttle: "your shuttle message",
  consentArbitration: "consenting to arbitration",
  shareInterests: "sharing your interests",
  proposeCreative: "your creative option",
  jointFactFinding: "joint fact-finding",
  fileClaim: "your claim",
  respondToClaim: "your answer to the claim",
  comply: "complying with the ruling",
  defy: "defying the ruling",
  confidenceBuilding: "your goodwill gesture",
  workshop: "your workshop",
  backChannel: "your back channel",
};

const signed = (delta: number) => (delta > 0 ? `+${delta}` : `−${-delta}`);

function change(label: string, before: number | undefined, after: number | undefined): string | undefined {
  if (before === undefined || after === undefined) return undefined;
  const delta = Math.round(after - before);
  return delta === 0 ? undefined : `${label} ${signed(delta)} (now ${Math.round(after)})`;
}

function indicatorChanges(view: TableView, me: string, before: Indicators, after: Indicators): string[] {
  const name = (seat: string) => view.parties.find((p) => p.id === seat)?.name ?? seat;
  const out: (string | undefined)[] = [change("tension", before.tension, after.tension)];
  const seats = view.parties.map((p) => p.id);
  // The viewer's own relations first, then those between the others (a mediator's shuttle mends those).
  for (const other of seats) {
    if (other !== me)
      out.push(change(`trust with ${name(other)}`, before.trust[pairKey(me, other)], after.trust[pairKey(me, other)]));
  }
  for (const [i, a] of seats.entries()) {
    for (const b of seats.slice(i + 1)) {
      if (a === me || b === me) continue;
      const key = pairKey(a, b);
      out.push(change(`trust between ${name(a)} and ${name(b)}`, before.trust[key], after.trust[key]));
    }
  }
  for (const seat of seats) {
    const label = seat === me ? "your legitimacy" : `legitimacy of ${name(seat)}`;
    out.push(change(label, before.legitimacy[seat], after.legitimacy[seat]));
  }
  return out.filter((x): x is string => x !== undefined);
}

/**
 * What the viewing seat's own move changed, from the view before it and the view after it:
 * indicators (trust, tension, legitimacy), its own no-deal value, creative options it
 * unlocked, mediation or arbitration it started. Only when `after` is the very next event
 * after `before` and that event is the seat's own move (not a chat), so that nobody else's
 * move is counted as its; undefined otherwise, and once the game has ended (the end of the
 * game says what happened). When the move closed the round, the indicators are compared
 * with the round's closing snapshot (before the next round's scripted events), and its
 * no-deal value is left out (the round's erosion moves it too).
 * Everything it reads is in the seat's own views: it tells the seat nothing new about others.
 */
export function ownMoveEffects(before: TableView | undefined, after: TableView): MoveEffects | undefined {
  const me = after.me?.seat;
  if (!before || !me || after.phase === "ended" || after.seq !== before.seq + 1) return undefined;
  const seq = before.seq;
  const lines = after.log.filter((e) => e.seq === seq);
  const own = lines.find((e) => e.by === me && e.kind !== "chat");
  if (!own) return undefined;
  const closedRound = after.round !== before.round;
  const closing = closedRound ? after.history.find((h) => h.round === before.round)?.indicators : after.indicators;
  const changes = closing ? indicatorChanges(after, me, before.indicators, closing) : [];
  if (!closedRound && !after.me?.aims) {
    const batna = change("your BATNA", before.me?.batna, after.me?.batna);
    if (batna) changes.push(batna);
  }
  const wasUnlocked = new Set(before.scenario.creativeOptions.filter((c) => c.unlocked).map((c) => c.id));
  for (const option of after.scenario.creativeOptions) {
    if (option.unlocked && !wasUnlocked.has(option.id)) changes.push(`“${option.name}” unlocked`);
  }
  if (lines.some((e) => e.kind === "mediationActive")) changes.push("mediation begins");
  if (lines.some((e) => e.kind === "arbitrationAgreed")) changes.push("arbitration agreed");
  return { seq, round: before.round, closedRound, changes, move: own.kind };
}

/**
 * The line a seat reads after its move: "What your rejection changed: …". A move that closed the
 * round says so: its changes come with the round's end (expiring offers, mediation's slow
 * repair of trust), which the views cannot tell apart.
 */
export function moveEffectsText(effects: MoveEffects): string {
  const list = effects.changes.join("; ");
  if (!effects.closedRound) {
    const move = movePhrases[effects.move ?? ""] ?? "your move";
    return effects.changes.length === 0
      ? `${capitalised(move)} changed no indicator.`
      : `What ${move} changed: ${list}.`;
  }
  return effects.changes.length === 0
    ? `Your move closed round ${effects.round}; no indicator changed.`
    : `Your move closed round ${effects.round}. Its effects and the round's end together: ${list}.`;
}
