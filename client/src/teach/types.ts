import type { TableSummary } from "@parley/shared";

export type { TableSummary };

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
    timing: { mode: "live"; roundSeconds: number } | { mode: "async"; roundHours: number };
    tables: number | "auto";
    botPersonas: string[];
    roster?: string[];
  };
  createdAt: string;
}

export interface ParticipantInfo {
  id: string;
  name: string;
  tableId: string | null;
  table: number | null;
  seat: string | null;
  party: string | null;
  requested: { tableId?: string; seat?: string; at: string } | null;
  joinedAt: string;
  /** For a student not seated now: the seat they last held. */
  lastSeat: { tableId: string; table: number | null; seat: string; party: string } | null;
}

export interface Overview {
  session: SessionInfo;
  participants: ParticipantInfo[];
  tables: TableSummary[];
}

export type ControlResult = {
  tableId: string;
  table: number | null;
  result: { ok: true } | { ok: false; code: string; message: string };
};
