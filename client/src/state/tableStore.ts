import type { Room } from "@colyseus/sdk";
import type { Move, TableView } from "@parley/shared";
import { create } from "zustand";
import { gameClient } from "../net/colyseus.ts";

export interface Notice {
  id: number;
  tone: "error" | "info";
  text: string;
}

interface TableStore {
  room?: Room;
  roomId?: string;
  view?: TableView;
  status: "idle" | "connecting" | "connected" | "reconnecting" | "failed";
  error?: string;
  notices: Notice[];
  /** Moves sent and not yet acknowledged or refused, by client sequence number. */
  pending: Record<number, Move>;
  createSolo(options: { scenarioId: string; seat: string; name: string }): Promise<string>;
  resume(roomId: string): Promise<void>;
  send(move: Move): void;
  dismiss(id: number): void;
  leave(): Promise<void>;
}

let clientSeq = 0;
let noticeId = 0;
const tokenKey = (roomId: string) => `parley.reconnect.${roomId}`;

export const useTable = create<TableStore>((set, get) => {
  const notify = (tone: Notice["tone"], text: string) =>
    set((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, tone, text }] }));

  const attach = (room: Room) => {
    sessionStorage.setItem(tokenKey(room.roomId), room.reconnectionToken);
    set({ room, roomId: room.roomId, status: "connected", error: undefined });
    room.onMessage("view", (view: TableView) => set({ view }));
    room.onMessage("ack", (ack: { clientSeq?: number }) => {
      if (ack.clientSeq !== undefined) {
        const { [ack.clientSeq]: _done, ...rest } = get().pending;
        set({ pending: rest });
      }
    });
    room.onMessage("rejected", (r: { clientSeq?: number; message: string }) => {
      if (r.clientSeq !== undefined) {
        const { [r.clientSeq]: _done, ...rest } = get().pending;
        set({ pending: rest });
      }
      notify("error", r.message);
    });
    room.onMessage("notice", (n: { text: string }) => notify("info", n.text));
    room.onDrop(() => set({ status: "reconnecting" }));
    room.onReconnect(() => {
      sessionStorage.setItem(tokenKey(room.roomId), room.reconnectionToken);
      set({ status: "connected" });
    });
    room.onLeave(() => set({ status: "idle" }));
  };

  return {
    status: "idle",
    notices: [],
    pending: {},
    async createSolo({ scenarioId, seat, name }) {
      set({ status: "connecting", error: undefined, view: undefined });
      try {
        const room = await gameClient().create("table", { scenarioId, seat, name });
        attach(room);
        return room.roomId;
      } catch (error) {
        set({ status: "failed", error: (error as Error).message });
        throw error;
      }
    },
    async resume(roomId) {
      if (get().room?.roomId === roomId) return;
      const token = sessionStorage.getItem(tokenKey(roomId));
      if (!token) {
        set({ status: "failed", error: "This table was opened in another tab or has ended. Start a new game." });
        return;
      }
      set({ status: "connecting", view: undefined });
      try {
        attach(await gameClient().reconnect(token));
      } catch {
        sessionStorage.removeItem(tokenKey(roomId));
        set({ status: "failed", error: "Could not rejoin this table: your seat has been released." });
      }
    },
    send(move) {
      const room = get().room;
      if (!room) return;
      const seq = ++clientSeq;
      set((s) => ({ pending: { ...s.pending, [seq]: move } }));
      room.send("move", { clientSeq: seq, move });
    },
    dismiss(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },
    async leave() {
      const room = get().room;
      set({ room: undefined, roomId: undefined, view: undefined, status: "idle", pending: {} });
      if (room) {
        sessionStorage.removeItem(tokenKey(room.roomId));
        await room.leave();
      }
    },
  };
});
