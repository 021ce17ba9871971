import type { Room, SeatReservation } from "@colyseus/sdk";
import {
  applyViewPatch,
  closeCodes,
  type Move,
  type ParticipantInfo,
  type SessionTiming,
  type TableView,
  type ViewPatch,
} from "@parley/shared";
import { create } from "zustand";
import { gameClient } from "../net/colyseus.ts";
import { ApiError, post } from "../net/http.ts";
import { fetchMe } from "../net/me.ts";
import { browserNetwork, waitToRetry } from "../net/retryWait.ts";
import { updateSeat } from "../net/saved.ts";
import { type MoveEffects, moveEffectsText, ownMoveEffects } from "./moveEffects.ts";
import { atGameEnd, type Notice, noticesFor, withNotice } from "./notices.ts";

/** The room's public status (its Colyseus schema state): clock, pause, who is connected. */
export interface TableStatus {
  round: number;
  status: "waiting" | "running" | "paused" | "ended";
  /** ms since the epoch by the server's clock; 0 without a deadline. */
  deadlineAt: number;
  remainingMs: number;
  seats: Record<string, { name: string; bot: boolean; connected: boolean }>;
  /** The table's number in its class session; 0 for a solo game. */
  number: number;
}

type Phase = "idle" | "connecting" | "connected" | "reconnecting" | "unseated" | "displaced" | "renewed" | "failed";

interface TableStore {
  room?: Room;
  /** The participant token this connection plays with (a class or a solo seat). */
  token?: string;
  view?: TableView;
  table?: TableStatus;
  timing?: SessionTiming;
  /** The seat this student last asked the instructor for, as the server has it (none after a move). */
  seatRequest?: ParticipantInfo["requested"];
  phase: Phase;
  error?: string;
  notices: Notice[];
  /** What this seat's own last move changed (trust, tension, an option unlocked…), from its views before and after it. */
  moveEffects?: MoveEffects;
  /** Moves sent and not yet acknowledged or refused, by client sequence number. */
  pending: Record<number, Move>;
  /** Connects (or reconnects) the seat of a participant token. */
  connect(token: string): Promise<void>;
  send(move: Move): void;
  notify(tone: Notice["tone"], text: string): void;
  dismiss(id: number): void;
  leave(): Promise<void>;
}

let clientSeq = 0;
let noticeId = 0;
/** How long a notice stays unless dismissed first. */
const noticeMs: Record<Notice["tone"], number> = { info: 15_000, error: 30_000 };
/**
 * The waits before each attempt to take the seat again when its connection is lost for good
 * (the server restarted, so the SDK's own reconnection has nobody to reconnect to): about
 * two minutes online in all, long enough for a restart. Time the device spends offline (the
 * classroom's Wi-Fi) does not count: the page waits for it and tries as soon as it is back.
 */
const rejoinDelays = [250, 500, 1000, 2000, 4000, 8000, 15_000, 30_000, 30_000, 30_000];

export const useTable = create<TableStore>((set, get) => {
  /**
   * The clientSeqs of pending moves made while the connection was down: never on the wire yet
   * (the SDK holds them for the connection it is resuming). Resumed, the SDK sends them;
   * rejoined on a new connection (the server restarted), this page sends them there.
   */
  let waiting = new Set<number>();
  // A notice goes by itself after a while (the table's log keeps the instructor's news; a
  // refusal matters while the student is still at that move): a pile of them covered a phone.
  const notify = (tone: Notice["tone"], text: string, kind?: Notice["kind"]) => {
    const id = ++noticeId;
    const notice: Notice = { id, tone, text, round: get().view?.round, at: Date.now(), ...(kind ? { kind } : {}) };
    set((s) => ({ notices: withNotice(s.notices, notice) }));
    setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), noticeMs[tone]);
  };

  const show = (view: TableView) => {
    const effects = ownMoveEffects(get().view, view);
    const ended = view.phase === "ended";
    set((s) => {
      const newRound = noticesFor(s.notices, s.view?.round, view.round, Date.now());
      const notices = ended ? atGameEnd(newRound) : newRound;
      const next = effects ? { view, moveEffects: effects } : { view };
      return notices === s.notices ? next : { ...next, notices };
    });
    // The mover hears what its move did, as it hears of a refusal: wherever it is on the page.
    // Not when nothing moved, nor with a round's end mixed in (the Moves panel keeps that line),
    // nor once the game is over: a notice after every pass covered a phone's screen for nothing.
    if (effects && effects.changes.length > 0 && !effects.closedRound && !ended)
      notify("info", moveEffectsText(effects), "moveEffects");
  };

  const attach = (room: Room, token: string) => {
    let moved = false;
    set({ room, token, phase: "connected", error: undefined });
    room.reconnection.minUptime = 0;
    // The SDK resumes a dropped connection with the server that held it (a network blip);
    // after a crash the new process never knew it, so give up after ~11 s and rejoin.
    room.reconnection.maxRetries = 6;
    room.onMessage("view", (view: TableView) => {
      if (get().room === room) show(view);
    });
    // After the first view, the server sends only what changed; a patch for another view
    // than ours (a message lost in a drop) asks for the whole view again.
    room.onMessage("viewPatch", (patch: ViewPatch) => {
      if (get().room !== room) return;
      const view = applyViewPatch(get().view, patch);
      if (view) show(view);
      else room.send("resync");
    });
    room.onStateChange((state: unknown) => {
      if (get().room !== room) return;
      const plain = (state as { toJSON(): TableStatus }).toJSON();
      set({ table: { ...plain, seats: plain.seats ?? {} } });
    });
    const settle = (seq: number | undefined) => {
      if (seq === undefined) return;
      const { [seq]: _done, ...rest } = get().pending;
      set({ pending: rest });
    };
    room.onMessage("ack", (ack: { clientSeq?: number }) => settle(ack.clientSeq));
    room.onMessage("rejected", (r: { clientSeq?: number; message: string }) => {
      settle(r.clientSeq);
      notify("error", r.message);
    });
    room.onMessage("notice", (n: { text: string }) => notify("info", n.text));
    room.onMessage("seatChanged", (m: { tableId: string | null }) => {
      moved = true;
      if (m.tableId === null) set({ phase: "unseated" });
    });
    room.onDrop(() => {
      if (get().room === room) set({ phase: "reconnecting" });
    });
    room.onReconnect(() => {
      if (get().room !== room) return;
      // The SDK has sent what it held for this connection.
      waiting = new Set();
      set({ phase: "connected" });
    });
    room.onLeave((code: number) => {
      if (get().room !== room) return;
      set({ room: undefined });
      // This page's own leaves (connect, leave) let go of the room first and never get here.
      if (code === closeCodes.tokenRenewed) {
        set({ phase: "renewed" });
        return;
      }
      if (code !== closeCodes.seatChanged) {
        void rejoin(token);
        return;
      }
      // Moved to another table: follow; opened elsewhere: say so and offer to take it back.
      if (moved && get().phase !== "unseated") void get().connect(token);
      else if (!moved) set({ phase: "displaced" });
    });
  };

  /** Takes the seat of `token`: its session's timing, a seat reservation, the room. */
  const join = async (token: string) => {
    const me = await fetchMe(token);
    set({ timing: me.session.timing, seatRequest: me.participant.requested });
    // This browser's note of the seat follows the instructor's moves (the home page and the
    // debrief name the party from it).
    const { id, tableId, seat, party } = me.participant;
    if (tableId && seat && party) updateSeat(id, { tableId, seat, party });
    const reservation = await post<SeatReservation>("/me/reservation", {}, token);
    const room = await gameClient().consumeSeatReservation(reservation);
    if (get().token !== token) {
      await room.leave();
      return;
    }
    attach(room, token);
  };

  /**
   * The connection is lost for good (the server restarted): the seat is taken again as soon
   * as the server answers, with the last view shown meanwhile. A token the server refuses,
   * or no seat, ends the attempts at once.
   */
  const rejoin = async (token: string) => {
    set({ phase: "reconnecting" });
    const network = browserNetwork();
    let attempt = 0;
    while (attempt < rejoinDelays.length) {
      // Time offline does not use up the attempts, and the device back online tries at once.
      const cameBack = await waitToRetry(rejoinDelays[attempt] ?? 0, network);
      attempt = cameBack ? 0 : attempt + 1;
      if (get().token !== token || get().room || get().phase !== "reconnecting") return;
      try {
        await join(token);
        // Sent before the drop was noticed: they may or may not have reached the table.
        const pending = Object.entries(get().pending).map(([seq, move]) => [Number(seq), move] as const);
        const unsure = pending.some(([seq]) => !waiting.has(seq));
        const resend = pending.filter(([seq]) => waiting.has(seq));
        waiting = new Set();
        set({ pending: Object.fromEntries(resend) });
        const room = get().room;
        for (const [clientSeq, move] of resend) room?.send("move", { clientSeq, move });
        if (unsure)
          notify("info", "You are back at the table. Check the log for the move you sent as the connection dropped.");
        return;
      } catch (error) {
        if (error instanceof ApiError && error.code === "NotSeated") {
          set({ phase: "unseated" });
          return;
        }
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          set({ phase: "failed", error: error.message });
          return;
        }
        // The server is not back yet: try again after a longer wait.
      }
    }
    set({ phase: "failed", error: "The connection to the table was lost, and the table could not be reached again." });
  };

  return {
    phase: "idle",
    notices: [],
    pending: {},
    async connect(token) {
      const current = get().room;
      if (current && get().token === token && get().phase === "connected") return;
      waiting = new Set();
      set({
        phase: "connecting",
        room: undefined,
        token,
        error: undefined,
        view: undefined,
        table: undefined,
        moveEffects: undefined,
        pending: {},
      });
      if (current) await current.leave().catch(() => undefined);
      try {
        await join(token);
      } catch (error) {
        if (error instanceof ApiError && error.code === "NotSeated") set({ phase: "unseated" });
        else set({ phase: "failed", error: (error as Error).message });
      }
    },
    send(move) {
      const room = get().room;
      const away = get().phase === "reconnecting";
      if (!room && !away) {
        notify("error", "You are not connected to the table right now.");
        return;
      }
      const seq = ++clientSeq;
      set((s) => ({ pending: { ...s.pending, [seq]: move } }));
      if (away) {
        // Kept, and sent once the seat is back (see waiting).
        waiting.add(seq);
        notify("info", "You are reconnecting: your move goes to the table as soon as you are back.");
      }
      room?.send("move", { clientSeq: seq, move });
    },
    notify,
    dismiss(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    async leave() {
      waiting = new Set();
      const room = get().room;
      set({
        room: undefined,
        token: undefined,
        view: undefined,
        table: undefined,
        moveEffects: undefined,
        phase: "idle",
        pending: {},
      });
      if (room) await room.leave().catch(() => undefined);
    },
  };
});
