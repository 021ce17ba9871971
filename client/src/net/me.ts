import type { MeInfo, ParticipantInfo } from "@parley/shared";
import { api } from "./http.ts";

/** Where the holder of a participant token sits now, and its session (`GET /api/me`). */
export const fetchMe = (token: string): Promise<MeInfo> => api<MeInfo>("/me", { token });

/**
 * Where a student sits, as a browser notes it for its home page: their seat, or, for a
 * student whose seat is a bot's now (a link opened then), the one they last held; the play
 * page brings the note up to date once they are seated. The note had read "as null".
 */
export function placeOf(participant: ParticipantInfo): { tableId: string; seat: string; party: string } {
  const { tableId, seat, party, lastSeat } = participant;
  if (tableId && seat && party) return { tableId, seat, party };
  if (lastSeat) return { tableId: lastSeat.tableId, seat: lastSeat.seat, party: lastSeat.party };
  return { tableId: "", seat: "", party: "no seat yet" };
}
