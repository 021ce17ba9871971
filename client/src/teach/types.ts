import type { TableSummary } from "@parley/shared";
import type { ParticipantInfo, SessionTiming } from "../net/me.ts";

export type { ParticipantInfo, TableSummary };

/** The server's session overview (docs/API.md, "TableSummary" and the session routes). */
export interface SessionInfo {
  id: string;
  joinCode: string;
  scenarioId: string;
  scenarioTitle: string;
  status: "lobby" | "running" | "ended";
  settings: {
    title?: string;
    lens: "realist" | "liberal" | "both";
    timing: SessionTiming;
    tables: number | "auto";
    botPersonas: string[];
    roster?: string[];
  };
  createdAt: string;
}

/** A student who found every seat taken and has not joined since. */
export interface TurnedAway {
  name: string;
  at: string;
}

export interface Overview {
  session: SessionInfo;
  participants: ParticipantInfo[];
  tables: TableSummary[];
  /** Oldest first. */
  turnedAway: TurnedAway[];
}

export type ControlResult = {
  tableId: string;
  table: number | null;
  result: { ok: true } | { ok: false; code: string; message: string };
};
